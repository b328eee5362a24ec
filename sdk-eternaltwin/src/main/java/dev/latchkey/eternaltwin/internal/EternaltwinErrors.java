package dev.latchkey.eternaltwin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.core.error.ErrorMapper;
import dev.latchkey.core.error.ErrorResponse;
import dev.latchkey.core.error.InvalidCodeException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.eternaltwin.SearchNotSupportedException;
import java.util.Map;
import java.util.Optional;

/**
 * Eternaltwin's answers mapped to Latchkey's taxonomy. Its errors are {@code {"error": "<Name>"}}, the token endpoint's
 * with a {@code cause} beside it (research section 1.4); an RFC 6749 server ({@code invalid_client},
 * {@code invalid_grant}) is understood too. The name is the provider code; the message says what it means.
 */
public final class EternaltwinErrors {
    private EternaltwinErrors() {
    }

    private static final String RESTART = ": start the login again (a code is good for one exchange, within minutes)";

    /** What each known code means, for the message. */
    static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("InvalidId", "not a user id (Eternaltwin's ids are UUIDs)"),
            Map.entry("UserNotFound", "no such user"),
            Map.entry("InvalidLimit", "the page size is not accepted"),
            Map.entry("InvalidOffset", "the offset is not accepted"),
            Map.entry("Unauthenticated", "Eternaltwin refused the client id or client secret"),
            Map.entry("invalid_client", "the authorization server refused the client id or client secret"),
            Map.entry("CodeExpiredError", "the authorization code expired" + RESTART),
            Map.entry("OauthCodeTimeError", "the authorization code expired" + RESTART),
            Map.entry("CodeAlreadyUsedError", "the authorization code was already used" + RESTART),
            Map.entry("OauthCodeFormatError", "the authorization code is not one Eternaltwin issued" + RESTART),
            Map.entry("MissingCode", "the authorization code is missing" + RESTART),
            Map.entry("WrongClient", "the authorization code was issued to another client" + RESTART),
            Map.entry("InvalidCodeVerifier", "the PKCE verifier does not match the authorization request" + RESTART),
            Map.entry("invalid_grant", "the authorization code is expired, used or unknown" + RESTART),
            Map.entry("UnsupportedGrantType", "the token endpoint does not support this grant"));

    /** Codes of a code that cannot be redeemed: the login must start over. */
    private static final java.util.Set<String> BAD_CODE = java.util.Set.of("CodeExpiredError", "OauthCodeTimeError",
            "CodeAlreadyUsedError", "OauthCodeFormatError", "MissingCode", "WrongClient", "InvalidCodeVerifier",
            "invalid_grant");

    /** The provider-wide mapper: Eternaltwin's envelope, mapped by status. */
    public static final ErrorMapper PROVIDER = r -> code(r).map(code -> ErrorResponse.byStatus(r.error(code,
            MEANINGS.getOrDefault(code, code)))).orElse(null);

    /**
     * The token endpoint: bad client credentials, codes that cannot be redeemed (never retried either way), and the
     * server's bare 500, which is how Eternaltwin answers everything but an expired code (its website's token route
     * catches only {@code TokenExpiredError}, etwin @ 1241847 packages/website/src/main/oauth/index.ts:69-86).
     */
    public static final ErrorMapper TOKEN = r -> {
        if (r.status() == 500 && code(r).isEmpty()) {
            return new ServerException(r.error(null, "the token endpoint answered 500 without a reason. Eternaltwin "
                    + "answers so to a wrong client id or client secret (the usual cause: check them), to a code that "
                    + "is malformed, missing or another client's, and to any grant it does not support; start the "
                    + "login again with a fresh code, and if it fails the same way, check the client credentials"));
        }
        Optional<String> code = code(r);
        if (code.isPresent() && BAD_CODE.contains(code.get())) {
            return new InvalidCodeException(r.error(code.get(), MEANINGS.get(code.get())));
        }
        if (r.status() == 401 || code.map(c -> c.equals("Unauthenticated") || c.equals("invalid_client"))
                .orElse(false)) {
            // Map.of refuses a null key: an answer without a code takes the generic meaning.
            String meaning = code.map(MEANINGS::get).orElse("Eternaltwin refused the client id or client secret");
            return new InvalidCredentialsException(r.error(code.orElse(null), meaning));
        }
        return null;
    };

    /**
     * Calls made with an access token: Eternaltwin's authentication throws on a token its store does not know (never
     * issued, or lost) before any route runs, and the server answers a bare 500 (koa-auth.mts:72-83 has no catch;
     * crates/services/src/auth.rs:393-400).
     */
    public static final ErrorMapper WITH_TOKEN = r -> r.status() == 500 && code(r).isEmpty()
            ? new ServerException(r.error(null, "Eternaltwin answered 500 without a reason to a call with an access "
                    + "token. It answers so to a token it does not know (never issued, or lost by the server): log in "
                    + "again. If a fresh token fails the same way, the server itself failed"))
            : null;

    /** The search and count: a server without them answers 405 (every readable server version). */
    public static final ErrorMapper SEARCH = r -> r.status() == 405
            ? new SearchNotSupportedException(r.error(null, "this Eternaltwin server has no user search (GET "
                    + "/api/v1/users answers 405, as every server version whose source can be read, up to 2021-11, "
                    + "does; eternaltwin.org's current server has it): search and count are unavailable here, "
                    + "user(id) still works"))
            : null;

    /**
     * @return the provider code: the {@code cause} when there is one ({@code Unauthorized} alone says little), else
     *     the {@code error}
     */
    static Optional<String> code(ErrorResponse r) {
        Optional<JsonNode> tree = r.json();
        if (tree.isEmpty() || !tree.get().isObject()) {
            return Optional.empty();
        }
        for (String field : new String[] {"cause", "error"}) {
            JsonNode v = tree.get().get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return Optional.of(v.asText());
            }
        }
        return Optional.empty();
    }
}
