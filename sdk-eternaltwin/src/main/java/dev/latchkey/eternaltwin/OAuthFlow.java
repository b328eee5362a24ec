package dev.latchkey.eternaltwin;

import dev.latchkey.eternaltwin.model.Authorization;
import dev.latchkey.core.auth.Secret;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.AuthorizationDeniedException;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.http.ApiCall;
import dev.latchkey.core.oauth.AuthorizationCallback;
import dev.latchkey.core.oauth.OAuthStates;
import dev.latchkey.core.oauth.Pkce;
import dev.latchkey.eternaltwin.internal.EternaltwinApi;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The OAuth code flow of a registered client, in one place for the sync and the async client: the settings, the
 * authorization URL, the state's checks (signed, single use, expected) and the PKCE pair it carries, the redirect's
 * refusal, and the code exchange. It makes no call of its own except the exchange it hands back.
 */
final class OAuthFlow {
    /** A client id: the stable key {@code <name>@clients}, or the client's UUID (research section 1.1). */
    static final Pattern CLIENT_ID = Pattern.compile(
            "^([a-z_][a-z0-9_]{1,31}@clients|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String clientId;
    private final Secret clientSecret;
    private final String redirectUri;
    private final OAuthStates states;
    private final Clock clock;

    private OAuthFlow(String clientId, Secret clientSecret, String redirectUri, OAuthStates states, Clock clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
        this.states = states;
        this.clock = clock;
    }

    /**
     * @return the flow of these settings, checked; {@code null} when none is given (a client that only reads users)
     * @throws InvalidInputException if they are partly given or malformed
     */
    static OAuthFlow of(String clientId, Secret clientSecret, String redirectUri, byte[] stateKey, Clock clock) {
        List<String> missing = new ArrayList<>();
        if (clientId == null) {
            missing.add("clientId");
        }
        if (clientSecret == null) {
            missing.add("clientSecret");
        }
        if (redirectUri == null) {
            missing.add("redirectUri");
        }
        if (missing.size() == 3 && stateKey == null) {
            return null;
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("OAuth settings are incomplete: " + String.join(", ", missing)
                    + " missing (clientId, clientSecret and redirectUri go together)");
        }
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new InvalidInputException("clientId must be <name>@clients (lower-case letters, digits, _) or "
                    + "the client's UUID");
        }
        if (clientSecret.reveal().isBlank()) {
            throw new InvalidInputException("clientSecret is blank");
        }
        checkRedirectUri(redirectUri);
        if (stateKey != null && stateKey.length < 32) {
            throw new InvalidInputException("stateKey must be at least 32 bytes, got " + stateKey.length);
        }
        OAuthStates states = OAuthStates.create(stateKey == null ? randomBytes(32) : stateKey,
                EternaltwinClient.DEFAULT_STATE_LIFETIME, clock);
        return new OAuthFlow(clientId, clientSecret, redirectUri, states.withClaims(Map.of("a", "authorize")), clock);
    }

    /**
     * @param origin the server the client talks to: its states say so ({@code as}), and only it accepts them
     * @param store where used states are recorded: clients sharing a store (and the state key, as a fleet's workers
     *     do) accept each redirect once between them
     * @return this flow for that origin and store
     */
    OAuthFlow on(HttpUrl origin, SessionStore store) {
        return new OAuthFlow(clientId, clientSecret, redirectUri, states.withClaims(Map.of("as", origin.toString()))
                .usedIn(store), clock);
    }

    String clientId() {
        return clientId;
    }

    /** The authorization URL and its state; see {@link EternaltwinClient#startAuthorization(Duration, String)}. */
    Authorization start(HttpUrl origin, Duration expiration, String nonce) {
        if (expiration == null || expiration.isNegative() || expiration.isZero()
                || expiration.compareTo(EternaltwinClient.LONGEST_STATE_LIFETIME) > 0) {
            throw new InvalidInputException("expiration must be more than zero and at most "
                    + EternaltwinClient.LONGEST_STATE_LIFETIME + ": " + expiration);
        }
        if (nonce != null && (nonce.isBlank() || nonce.length() > 256)) {
            throw new InvalidInputException("nonce must be 1 to 256 characters, not blank");
        }
        String state = states.issue(Map.of("rfp", random(32), "nonce", nonce != null ? nonce
                : HexFormat.of().formatHex(randomBytes(32))), expiration);
        Pkce pkce = states.pkce(state);
        HttpUrl url = origin.newBuilder().addPathSegment("oauth").addPathSegment("authorize")
                .addQueryParameter("response_type", "code").addQueryParameter("access_type", "offline")
                .addQueryParameter("client_id", clientId).addQueryParameter("scope", "base")
                .addQueryParameter("state", state).addQueryParameter("redirect_uri", redirectUri)
                .addQueryParameter("code_challenge", pkce.challenge())
                .addQueryParameter("code_challenge_method", pkce.method()).build();
        Instant expiresAt = clock.instant().plus(expiration);
        return new Authorization(state, url.uri(), expiresAt);
    }

    /**
     * Checks the state and consumes it; nothing is sent before.
     *
     * @return the PKCE pair the state's authorization request carried
     */
    Pkce acceptState(String code, String callbackState, String expectedState) {
        requireCode(code);
        InvalidInputException.require(callbackState, "callbackState");
        states.verify(requireExpected(expectedState), callbackState);
        return states.pkce(callbackState);
    }

    /**
     * @return the redirect's code, its state not yet checked
     * @throws AuthorizationDeniedException if the redirect carries an error instead, once its state was checked (only
     *     a redirect this client asked for may report a refusal)
     */
    String checkCallback(AuthorizationCallback callback, String expectedState) {
        InvalidInputException.require(callback, "callback");
        requireExpected(expectedState);
        Optional<AuthorizationDeniedException> refusal = callback.refusal();
        if (refusal.isPresent()) {
            states.verify(expectedState, callback.state().orElse(null));
            throw refusal.get();
        }
        return callback.code().orElseThrow(() -> new InvalidInputException(
                "the redirect carries neither a code nor an error"));
    }

    /** @return the code exchange, made once; its session holds only the token until {@code self} names its user */
    ApiCall<Session> exchange(EternaltwinApi api, String code, Pkce pkce) {
        return api.exchange(clientId, clientSecret, code, redirectUri, pkce.verifier());
    }

    private static String requireExpected(String expectedState) {
        if (expectedState == null) {
            throw new InvalidInputException("expectedState is required: the state startAuthorization gave for this "
                    + "login, kept with the user's session (without it, a login started by someone else is accepted)");
        }
        return expectedState;
    }

    static String requireCode(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("authorization code is blank");
        }
        return code;
    }

    static void checkRedirectUri(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException("redirectUri is not a URI");
        }
        if (!parsed.isAbsolute() || parsed.getRawFragment() != null || parsed.getHost() == null
                || !("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))) {
            throw new InvalidInputException("redirectUri must be an absolute http(s) URL without a fragment, as "
                    + "registered with Eternaltwin");
        }
    }

    private static String random(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    @Override
    public String toString() {
        return "OAuthFlow{clientId=" + clientId + ", clientSecret=***, redirectUri=" + redirectUri + '}';
    }
}
