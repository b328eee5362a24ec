package dev.latchkey.tmdb.model;

import java.util.Objects;

/**
 * A v4 user access token and the account object id it belongs to. {@code toString()} hides the token.
 *
 * @param value the access token (a JWT; secret)
 * @param accountObjectId the v4 account id (24 hex characters), used in {@code /4/account/{id}/...}
 */
public record V4AccessToken(String value, String accountObjectId) {

    /**
     * Creates a {@code V4AccessToken}, checking and normalizing its components.
     *
     * @param value the access token (a JWT; secret)
     * @param accountObjectId the v4 account id (24 hex characters), used in {@code /4/account/{id}/...}
     */
    public V4AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(accountObjectId, "accountObjectId");
    }

    @Override
    public String toString() {
        return "V4AccessToken{value=***, accountObjectId=" + accountObjectId + '}';
    }
}
