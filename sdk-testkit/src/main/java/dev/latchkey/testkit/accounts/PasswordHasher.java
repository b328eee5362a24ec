package dev.latchkey.testkit.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Salted PBKDF2-HMAC-SHA256 from the JDK, with a cost the store's owner chooses. */
final class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random;
    private final byte[] dummy;

    PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < 1) {
            throw new IllegalArgumentException("hash iterations must be 1 or more");
        }
        this.iterations = iterations;
        this.random = random;
        this.dummy = hash("no such user: this hash only costs the same work");
    }

    /** @return salt followed by the derived key */
    byte[] hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(password, salt);
        byte[] out = Arrays.copyOf(salt, SALT_BYTES + key.length);
        System.arraycopy(key, 0, out, SALT_BYTES, key.length);
        return out;
    }

    /** Compares in constant time; {@code stored == null} costs the same work as a real check, then fails. */
    boolean verify(String password, byte[] stored) {
        byte[] against = stored == null ? dummy : stored;
        byte[] salt = Arrays.copyOf(against, SALT_BYTES);
        byte[] key = derive(password, salt);
        boolean same = MessageDigest.isEqual(key, Arrays.copyOfRange(against, SALT_BYTES, against.length));
        return stored != null && same;
    }

    private byte[] derive(String password, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required of every JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    static byte[] sha256(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
