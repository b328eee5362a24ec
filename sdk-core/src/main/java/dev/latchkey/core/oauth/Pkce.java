package dev.latchkey.core.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair (RFC 7636) with the S256 method: a random verifier kept by the client, and its challenge sent with the
 * authorization request. {@code toString()} never shows the verifier.
 */
public final class Pkce {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final String verifier;
    private final String challenge;

    private Pkce(String verifier) {
        this.verifier = verifier;
        this.challenge = challengeOf(verifier);
    }

    /** @return a pair with a fresh 256-bit verifier (43 characters) */
    public static Pkce generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new Pkce(B64URL.encodeToString(bytes));
    }

    /**
     * @param verifier a verifier of 43 to 128 unreserved characters ({@code A-Z a-z 0-9 - . _ ~})
     * @return the pair for it
     * @throws IllegalArgumentException if the verifier is not valid per RFC 7636 section 4.1
     */
    public static Pkce fromVerifier(String verifier) {
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128
                || !verifier.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
                        || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~')) {
            throw new IllegalArgumentException("PKCE verifier must be 43 to 128 unreserved characters");
        }
        return new Pkce(verifier);
    }

    /** @return the verifier, sent only with the token exchange */
    public String verifier() {
        return verifier;
    }

    /** @return the S256 challenge, sent with the authorization request */
    public String challenge() {
        return challenge;
    }

    /** @return {@code "S256"} */
    public String method() {
        return "S256";
    }

    private static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return B64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce{method=S256, challenge=" + challenge + ", verifier=***}";
    }
}
