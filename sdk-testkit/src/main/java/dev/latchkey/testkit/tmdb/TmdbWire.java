package dev.latchkey.testkit.tmdb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.internal.Responses;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import dev.latchkey.testkit.FakeResponse;

/** TMDb's wire format, as documented: the status envelope, error codes with their HTTP statuses, ids and tokens. */
final class TmdbWire {
    static final String JSON_TYPE = "application/json;charset=utf-8";
    /** TMDb's {@code expires_at}: {@code 2016-08-26 17:04:39 UTC}. */
    static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] SIGNING_KEY = new byte[32];

    static {
        RANDOM.nextBytes(SIGNING_KEY);
    }

    private TmdbWire() {
    }

    static ObjectNode envelope(boolean success, int code, String message) {
        return Responses.object().put("success", success).put("status_code", code).put("status_message", message);
    }

    /**
     * The answer of a write (a favorite, the watchlist, a rating): {@code {status_code, status_message}}, without a
     * {@code success} field, as the official export's examples show them (POST /3/account/{account_id}/favorite,
     * POST and DELETE /3/movie/{movie_id}/rating).
     */
    static FakeResponse written(int http, int code) {
        return Responses.json(http, Responses.object().put("status_code", code).put("status_message",
                TmdbCodes.message(code)), JSON_TYPE);
    }

    /** A success-with-status answer (codes 1, 12, 13). */
    static FakeResponse status(int http, int code) {
        return Responses.json(http, envelope(true, code, TmdbCodes.message(code)), JSON_TYPE);
    }

    static FakeResponse error(int code) {
        return error(code, TmdbCodes.message(code));
    }

    static FakeResponse error(int code, String message) {
        return Responses.json(TmdbCodes.httpStatus(code), envelope(false, code, message), JSON_TYPE);
    }

    static FakeResponse json(ObjectNode body) {
        return Responses.json(200, body, JSON_TYPE);
    }

    /** @return a positive id, or {@code null} for anything else */
    static Integer parseId(String s) {
        try {
            int id = Integer.parseInt(s);
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A JWT of TMDb's shape (v4 tokens): the claims readable, signed with a key only this fake knows. */
    static String jwt(Map<String, Object> claims) {
        return Responses.jwt(claims, SIGNING_KEY);
    }
}
