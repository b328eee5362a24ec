package dev.latchkey.testkit.tmdb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.internal.Responses;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
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

    /**
     * TMDb's page: 20 items, {@code page} from 1, 422 past page 500; an account's lists also take
     * {@code sort_by=created_at.asc|desc} (the catalogue's lists have no such parameter and ignore it).
     */
    static FakeResponse page(FakeRequest r, List<ObjectNode> items, boolean byCreation) {
        return page(r, items, byCreation, Responses.object());
    }

    /**
     * @param head the fields TMDb puts before {@code page} (now_playing's {@code dates})
     * @return the page, or the error its parameters earn
     */
    static FakeResponse page(FakeRequest r, List<ObjectNode> items, boolean byCreation, ObjectNode head) {
        int page;
        try {
            page = Integer.parseInt(r.query("page").orElse("1"));
        } catch (NumberFormatException e) {
            return error(22);
        }
        if (page < 1) {
            return error(22);
        }
        if (page > 500) {
            ObjectNode o = Responses.object();
            o.putArray("errors").add("page must be less than or equal to 500");
            return Responses.json(422, o, TmdbWire.JSON_TYPE);
        }
        String sort = byCreation ? r.query("sort_by").orElse("created_at.asc") : "created_at.asc";
        if (sort.equals("created_at.desc")) {
            Collections.reverse(items);
        } else if (!sort.equals("created_at.asc")) {
            return error(5);
        }
        int total = items.size();
        int size = FakeTmdb.PAGE_SIZE;
        int from = Math.min(total, (page - 1) * size);
        int to = Math.min(total, from + size);
        ObjectNode o = head.put("page", page);
        ArrayNode results = o.putArray("results");
        items.subList(from, to).forEach(results::add);
        o.put("total_pages", (total + size - 1) / size).put("total_results", total);
        return json(o);
    }
}
