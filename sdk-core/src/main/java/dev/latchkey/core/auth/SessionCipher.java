package dev.latchkey.core.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest for stored sessions: AES-256-GCM with a key the user supplies, a fresh 96-bit nonce per write,
 * and the store key as associated data, so an entry copied under another key does not open. A store that shares live
 * cookies (a Redis used by a fleet, a file on a shared disk) is a target; with a cipher, what it holds is useless
 * without the key.
 *
 * <p>{@code toString()} never shows the key.
 */
public final class SessionCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec aes;
    private final SecretKeySpec mac;

    private SessionCipher(byte[] key) {
        // Two keys from one: encryption, and the fingerprint a compare-and-set compares (never the plain session).
        this.aes = new SecretKeySpec(derive(key, "latchkey session aes"), "AES");
        this.mac = new SecretKeySpec(derive(key, "latchkey session fingerprint"), "HmacSHA256");
    }

    /**
     * @param key 32 random bytes (only derived keys are kept)
     * @return a cipher with that key
     * @throws IllegalArgumentException if the key is not 32 bytes
     */
    public static SessionCipher of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != 32) {
            throw new IllegalArgumentException("a session key is 32 bytes, not " + key.length);
        }
        return new SessionCipher(key);
    }

    /**
     * @param base64Key 32 bytes in Base64 (standard or URL-safe), for example from an environment variable
     * @return a cipher with that key
     * @throws IllegalArgumentException if it is not Base64 of 32 bytes (the message never shows it)
     */
    public static SessionCipher fromBase64(String base64Key) {
        Objects.requireNonNull(base64Key, "base64Key");
        byte[] key;
        try {
            String k = base64Key.strip().replace('-', '+').replace('_', '/');
            key = Base64.getDecoder().decode(k);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the session key is not Base64");
        }
        return of(key);
    }

    /** @return 32 fresh random bytes, in Base64: a new key */
    public static String newBase64Key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * @param plain the serialized session
     * @param storeKey the key it is stored under (bound to the ciphertext)
     * @return version, nonce, ciphertext and tag
     */
    public byte[] seal(byte[] plain, String storeKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(storeKey.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * @param sealed what {@link #seal} made
     * @param storeKey the key it was read from
     * @return the serialized session
     * @throws IllegalArgumentException if it does not open with this key under this store key (the message names no
     *     value)
     */
    public byte[] open(byte[] sealed, String storeKey) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalArgumentException("not a sealed session");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, aes, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            c.updateAAD(storeKey.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the session does not open with this key (another key, or altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the session does not open: " + e.getClass().getSimpleName());
        }
    }

    /**
     * @param plain a serialized session
     * @return a keyed fingerprint of it: equal sessions, equal fingerprints; nothing learnt without the key
     */
    public byte[] fingerprint(byte[] plain) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(mac);
            return m.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * @param plain a serialized session
     * @param cipher the store's cipher, or {@code null}
     * @return the fingerprint a store compares: keyed when there is a cipher, else SHA-256
     */
    public static byte[] fingerprint(byte[] plain, SessionCipher cipher) {
        if (cipher != null) {
            return cipher.fingerprint(plain);
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "SessionCipher(AES-256-GCM, key ***)";
    }
}
