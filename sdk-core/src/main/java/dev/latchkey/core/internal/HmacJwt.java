package dev.latchkey.core.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * HS256 compact JWS on nimbus-jose-jwt, for {@code OAuthStates}: the one class of sdk-core that links against nimbus,
 * so that the rest of core loads without it (it is optional: see {@link OptionalDependency#NIMBUS_JOSE_JWT}).
 */
public final class HmacJwt {
    private final MACSigner signer;
    private final MACVerifier verifier;

    /**
     * What a compact JWS says, and whether this key signed it.
     *
     * @param algorithm the header's {@code alg}
     * @param signedWithKey whether the signature verifies with this key (never for another algorithm: nimbus's
     *     verifier refuses it)
     * @param expiresAt the {@code exp} claim, or {@code null}
     * @param jwtId the {@code jti} claim when it is a string, or {@code null}
     * @param claims every claim, as nimbus reads them ({@code exp} and {@code iat} as {@link Date}s)
     */
    public record Read(String algorithm, boolean signedWithKey, Instant expiresAt, String jwtId,
            Map<String, Object> claims) {
    }

    /**
     * @param key the HMAC key
     * @throws IllegalArgumentException if the key is shorter than 256 bits
     */
    public HmacJwt(byte[] key) {
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("state key must be at least 256 bits", e);
        }
    }

    /** @return the key (a copy is not needed: nimbus keeps its own) */
    public byte[] key() {
        return signer.getSecret();
    }

    /**
     * @param claims the claims, in order
     * @param jwtId the {@code jti}, or {@code null} for none
     * @param issuedAt the {@code iat}
     * @param expiresAt the {@code exp}
     * @return the signed compact JWS
     */
    public String sign(Map<String, Object> claims, String jwtId, Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
        claims.forEach(b::claim);
        if (jwtId != null) {
            b.jwtID(jwtId);
        }
        JWTClaimsSet set = b.issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), set);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign OAuth state", e);
        }
        return jwt.serialize();
    }

    /**
     * @param compact a compact JWS
     * @return what it says, and whether this key signed it
     * @throws ParseException if it is not a JWS with a claims set
     */
    public Read read(String compact) throws ParseException {
        SignedJWT jwt = SignedJWT.parse(compact);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        boolean valid;
        try {
            valid = jwt.verify(verifier);
        } catch (JOSEException e) {
            valid = false;
        }
        Date exp = claims.getExpirationTime();
        return new Read(String.valueOf(algorithm), valid, exp == null ? null : exp.toInstant(), claims.getJWTID(),
                claims.getClaims());
    }
}
