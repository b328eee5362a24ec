package dev.latchkey.core.oauth;

import dev.latchkey.core.error.AuthorizationDeniedException;
import dev.latchkey.core.internal.Secrets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The query of an OAuth redirect: {@code code} and {@code state} on success, {@code error} on refusal.
 * {@code toString()} masks code and state.
 *
 * @param params every query parameter of the redirect
 */
public record AuthorizationCallback(Map<String, String> params) {

    /**
     * Creates an {@code AuthorizationCallback}, checking and normalizing its components.
     *
     * @param params every query parameter of the redirect
     */
    public AuthorizationCallback {
        params = Map.copyOf(params);
    }

    /** @return the authorization code, if granted */
    public Optional<String> code() {
        return Optional.ofNullable(params.get("code"));
    }

    /** @return the state sent back */
    public Optional<String> state() {
        return Optional.ofNullable(params.get("state"));
    }

    /** @return the error code, if the user or server refused */
    public Optional<String> error() {
        return Optional.ofNullable(params.get("error"));
    }

    /** @return the error's description, if any */
    public Optional<String> errorDescription() {
        return Optional.ofNullable(params.get("error_description"));
    }

    /**
     * @return the refusal this redirect reports ({@code error}), or empty. Its {@code error} and
     *     {@code error_description} are the server's (or the browser's) to write: the redirect's state and code are
     *     masked in them whole and by pieces, as everywhere else, so a description quoting most of the state shows
     *     none of it. Check the state before throwing it: only a redirect this client asked for may report a refusal.
     */
    public Optional<AuthorizationDeniedException> refusal() {
        return error().map(e -> {
            Secrets secrets = Secrets.NONE.with(Arrays.asList(params.get("state"), params.get("code")));
            return new AuthorizationDeniedException(secrets.scrub(e), errorDescription().map(secrets::scrub)
                    .orElse(null));
        });
    }

    @Override
    public String toString() {
        return "AuthorizationCallback{code=" + (params.containsKey("code") ? "***" : null) + ", state="
                + (params.containsKey("state") ? "***" : null) + ", error=" + params.get("error") + '}';
    }
}
