package dev.latchkey.core.http;

import java.util.Optional;

/**
 * A call's value with the HTTP answer it came from: what a provider client's {@code withResponse(...)} returns.
 *
 * @param <T> the value's type
 */
public final class WithResponse<T> {
    private final T value;
    private final ResponseInfo response;

    /**
     * @param value the call's value
     * @param response the last HTTP answer the call read, or {@code null} if it made no HTTP call
     */
    public WithResponse(T value, ResponseInfo response) {
        this.value = value;
        this.response = response;
    }

    /** @return the call's value, as the call alone returns it */
    public T value() {
        return value;
    }

    /**
     * @return the last HTTP answer the call read (a call that makes two, such as a login that then reads the account,
     *     gives the second), or empty if it was answered without one (a session resumed from the store)
     */
    public Optional<ResponseInfo> response() {
        return Optional.ofNullable(response);
    }

    @Override
    public String toString() {
        // The value's type only: a value may be a raw JSON answer holding tokens (an escape hatch's JsonNode).
        return "WithResponse{value=" + (value == null ? null : value.getClass().getSimpleName()) + ", response="
                + response + '}';
    }
}
