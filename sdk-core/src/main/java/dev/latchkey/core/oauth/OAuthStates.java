package dev.latchkey.core.oauth;

import dev.latchkey.core.error.InvalidStateException;
import dev.latchkey.core.internal.HmacJwt;
import dev.latchkey.core.internal.OptionalDependency;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks OAuth {@code state} values that cannot be forged, replayed or kept: each is a compact JWS (HS256,
 * pinned: any other algorithm is refused) holding a 256-bit random id and an expiry. {@link #verify} needs the
 * state this client issued for the flow, compares it in constant time, and accepts each state once.
 *
 * <p>A provider whose own libraries lay the state out their way gets the same checks on that layout:
 * {@link #withClaims} adds fixed claims that every issued state carries and every verified one must carry with the
 * same value (eternaltwin-py's action {@code a} and authorization server {@code as}), and {@link #issue(Map)} adds
 * per-state claims. The single-use id is the {@code jti} claim, or, in a layout without one, the {@code nonce}.
 *
 * <p>Thread-safe. Used states are remembered until they expire: in this object, or, with {@link #usedIn}, in a
 * session store that every sharer of the key uses, so that a fleet accepts each state once, not once per worker.
 *
 * <p>Signs with nimbus-jose-jwt, an optional dependency of sdk-core that {@code sdk-eternaltwin} brings; used on its
 * own, add {@code com.nimbusds:nimbus-jose-jwt} (without it the factories throw {@link IllegalStateException} saying
 * so).
 */
public final class OAuthStates {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final HmacJwt jwt;
    private final Duration ttl;
    private final Clock clock;
    private final UsedStates used;
    private final Map<String, Object> fixed;

    /** Where used state ids are recorded until they expire. */
    private interface UsedStates {
        /** @return whether the id was unused (and is now used) */
        boolean markUsed(String id, Instant expires, Instant now);
    }

    /** This object's own record: enough for one process with one client. */
    private static final class InMemory implements UsedStates {
        private final Map<String, Instant> used = new ConcurrentHashMap<>();

        @Override
        public boolean markUsed(String id, Instant expires, Instant now) {
            used.values().removeIf(e -> !now.isBefore(e));
            return used.putIfAbsent(id, expires) == null;
        }
    }

    /**
     * A shared record: one mark per used state in a session store, written only if absent (its compare-and-set is
     * atomic across the processes sharing it), expiring with the state. The key holds a hash of the id, not the id.
     */
    private record InStore(dev.latchkey.core.auth.SessionStore store) implements UsedStates {
        @Override
        public boolean markUsed(String id, Instant expires, Instant now) {
            String key = "latchkey:oauth-state-used:" + sha256(id);
            return store.compareAndSet(key, null, dev.latchkey.core.auth.Session.builder("oauth-state")
                    .expiresAt(expires).createdAt(now).build());
        }

        private static String sha256(String id) {
            try {
                return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                        id.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every JVM", e);
            }
        }
    }

    private OAuthStates(HmacJwt jwt, Duration ttl, Clock clock, Map<String, Object> fixed, UsedStates used) {
        this.jwt = jwt;
        this.fixed = fixed;
        this.used = used;
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
    }

    /** Links the signer only once nimbus-jose-jwt is known to be there. */
    private static OAuthStates on(byte[] key, Duration ttl, Clock clock) {
        return new OAuthStates(OptionalDependency.NIMBUS_JOSE_JWT.require(() -> new HmacJwt(key)), ttl, clock,
                Map.of(), new InMemory());
    }

    /**
     * @param key the HMAC key, at least 32 bytes; keep it to verify states across restarts
     * @param ttl how long a state stays valid (10 minutes suits an interactive login)
     * @param clock the clock expiry is measured on
     * @return the issuer and verifier
     */
    public static OAuthStates create(byte[] key, Duration ttl, Clock clock) {
        Objects.requireNonNull(key, "key");
        if (key.length < 32) {
            throw new IllegalArgumentException("state key must be at least 32 bytes, got " + key.length);
        }
        return on(key.clone(), ttl, clock);
    }

    /** @return states signed with a fresh random key, valid 10 minutes, on the system clock */
    public static OAuthStates withRandomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return on(key, Duration.ofMinutes(10), Clock.systemUTC());
    }

    /**
     * @param claims claims every state issued from now on carries, and every state verified must carry with these
     *     values (strings, numbers or booleans)
     * @return states with those claims, on the same key, clock and record of used states
     */
    public OAuthStates withClaims(Map<String, Object> claims) {
        Map<String, Object> all = new LinkedHashMap<>(fixed);
        all.putAll(Objects.requireNonNull(claims, "claims"));
        return new OAuthStates(jwt, ttl, clock, Map.copyOf(all), used);
    }

    /**
     * @param store where used states are recorded: the session store every sharer of this key uses (a file store for
     *     the processes of a machine, Redis for a fleet), so that a state is accepted once across all of them. Each
     *     used state leaves one small entry, which expires with the state.
     * @return states on the same key, clock and claims, recording used states in the store
     */
    public OAuthStates usedIn(dev.latchkey.core.auth.SessionStore store) {
        return new OAuthStates(jwt, ttl, clock, fixed, new InStore(Objects.requireNonNull(store, "store")));
    }

    /** @return a new state to send with an authorization request, and to keep for {@link #verify} */
    public String issue() {
        return issue(Map.of());
    }

    /**
     * @param claims claims of this state only, beside the fixed ones, {@code iat} and {@code exp}; when they hold a
     *     {@code nonce}, it is the state's single-use id and no {@code jti} is added (a layout without one)
     * @return a new state to send with an authorization request, and to keep for {@link #verify}
     */
    public String issue(Map<String, Object> claims) {
        return issue(claims, ttl);
    }

    /**
     * @param claims as for {@link #issue(Map)}
     * @param lifetime how long this state stays valid (eternaltwin-py's {@code expiration}), instead of the default
     * @return a new state to send with an authorization request, and to keep for {@link #verify}
     */
    public String issue(Map<String, Object> claims, Duration lifetime) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
        }
        Instant now = clock.instant();
        Map<String, Object> all = new LinkedHashMap<>(fixed);
        all.putAll(Objects.requireNonNull(claims, "claims"));
        String id = null;
        if (!claims.containsKey("nonce")) {
            byte[] nonce = new byte[32];
            RANDOM.nextBytes(nonce);
            id = B64URL.encodeToString(nonce);
        }
        return jwt.sign(all, id, now, now.plus(lifetime));
    }

    /**
     * Accepts the state of an authorization response, once.
     *
     * @param expected the state this client issued for this flow (required)
     * @param received the state the authorization server sent back
     * @throws InvalidStateException if there is no expected state, if they differ, or if the state is tampered,
     *     expired or already used
     */
    public void verify(String expected, String received) {
        if (expected == null || expected.isBlank()) {
            throw new InvalidStateException("no expected OAuth state: the callback cannot be matched to a request "
                    + "this client made");
        }
        if (received == null || received.isBlank()) {
            throw new InvalidStateException("the authorization response carries no state");
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                received.getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidStateException("OAuth state does not match the one issued for this flow");
        }
        HmacJwt.Read state;
        try {
            state = jwt.read(received);
        } catch (ParseException e) {
            throw new InvalidStateException("OAuth state is malformed");
        }
        if (!"HS256".equals(state.algorithm())) {
            throw new InvalidStateException("OAuth state uses algorithm " + state.algorithm()
                    + "; only HS256 is accepted");
        }
        if (!state.signedWithKey()) {
            throw new InvalidStateException("OAuth state signature is invalid: it was not issued by this client or "
                    + "was altered");
        }
        Instant now = clock.instant();
        Instant exp = state.expiresAt();
        Object nonce = state.claims().get("nonce");
        String id = state.jwtId() != null ? state.jwtId() : nonce instanceof String n ? "nonce:" + n : null;
        if (exp == null || id == null) {
            throw new InvalidStateException("OAuth state lacks an id or expiry");
        }
        for (Map.Entry<String, Object> e : fixed.entrySet()) {
            Object value = state.claims().get(e.getKey());
            if (!sameValue(e.getValue(), value)) {
                throw new InvalidStateException("OAuth state claim '" + e.getKey() + "' is not the one this client "
                        + "issues");
            }
        }
        if (!now.isBefore(exp)) {
            throw new InvalidStateException("OAuth state expired at " + exp);
        }
        if (!used.markUsed(id, exp, now)) {
            throw new InvalidStateException("OAuth state was already used: an authorization response is accepted once");
        }
    }

    /**
     * The PKCE pair bound to a state: its verifier is {@code BASE64URL(HMAC-SHA256(key, "pkce:" + state))}, so whoever
     * holds the state key (another worker, after a restart) can redeem the code without storing a verifier. The
     * verifier never leaves the client before the token exchange, and the state alone does not reveal it.
     *
     * @param state a state this object issued
     * @return the PKCE pair to send with that state's authorization request and code exchange
     */
    public Pkce pkce(String state) {
        Objects.requireNonNull(state, "state");
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(jwt.key(), "HmacSHA256"));
            byte[] digest = mac.doFinal(("pkce:" + state).getBytes(StandardCharsets.UTF_8));
            return Pkce.fromVerifier(B64URL.encodeToString(digest));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    /** Numbers compare by value: JSON does not keep {@code int} apart from {@code long}. */
    private static boolean sameValue(Object expected, Object actual) {
        if (expected instanceof Number a && actual instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(expected, actual);
    }

    @Override
    public String toString() {
        return "OAuthStates{alg=HS256, ttl=" + ttl + ", claims=" + fixed.keySet() + ", key=***}";
    }
}
