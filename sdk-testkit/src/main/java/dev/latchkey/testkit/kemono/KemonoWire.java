package dev.latchkey.testkit.kemono;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.testkit.internal.Responses;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import dev.latchkey.testkit.FakeResponse;

/** Kemono's wire format, as documented: JSON served as {@code text/css}, {@code {"error": ...}}, its timestamps. */
final class KemonoWire {
    /** What the real site sends behind DDoS-Guard. */
    static final String JSON_TYPE = "text/css; charset=utf-8";
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private KemonoWire() {
    }

    static FakeResponse json(int status, com.fasterxml.jackson.databind.JsonNode body) {
        return Responses.json(status, body, JSON_TYPE);
    }

    /** Kemono's literal {@code true} (register, logout, change password). */
    static FakeResponse yes() {
        return Responses.text(200, "true", JSON_TYPE);
    }

    static FakeResponse error(int status, String message) {
        return json(status, Responses.object().put("error", message));
    }

    /** Without a session: 401 and an empty body. */
    static FakeResponse unauthorized() {
        return FakeResponse.builder().code(401).setHeader("Content-Type", JSON_TYPE).body("").build();
    }

    /** A session cookie's value: 32 random bytes, base64url. */
    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return B64URL.encodeToString(b);
    }

    /**
     * Kemono's timestamps as Python's {@code isoformat()} writes them: local time with microseconds, no zone, and no
     * fraction at all when the microseconds are 0 (src/lib/account.py:237).
     */
    static String timestamp(Instant at) {
        LocalDateTime t = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        return t.getNano() / 1000 == 0 ? t.withNano(0).format(SECONDS) : t.format(MICROS);
    }

    /**
     * Werkzeug 2.0's {@code redirect(location)} (Kemono2 pins Werkzeug 2.0.0, requirements.txt): 302 with its HTML
     * 3.2 page.
     */
    static FakeResponse redirect(String location) {
        String shown = location.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
        return FakeResponse.builder().code(302).setHeader("Location", location)
                .setHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<title>Redirecting...</title>\n"
                        + "<h1>Redirecting...</h1>\n<p>You should be redirected automatically to target URL: <a href=\""
                        + shown + "\">" + shown + "</a>. If not click the link.").build();
    }

    /**
     * Flask 2.0's {@code jsonify} of a {@code datetime}: {@code Fri, 02 Apr 2021 23:50:57 GMT} (werkzeug's
     * {@code http_date}); {@code datetime.min} has no weekday problem in Java's formatter.
     */
    static String httpDate(String isoLocal) {
        LocalDateTime t = LocalDateTime.parse(isoLocal);
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC)).replace("+0000", "GMT")
                .replaceFirst("^(\\w{3}), (\\d) ", "$1, 0$2 ");
    }

    /** A Flask session cookie (server.py:126,153): {@code HttpOnly; Path=/}, 30 days, no SameSite, no Secure. */
    static String sessionCookie(String value, Instant now) {
        return "session=" + value + "; Expires=" + DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(
                30L * 24 * 3600).atOffset(ZoneOffset.UTC)).replaceFirst("^(\\w{3}), (\\d) ", "$1, 0$2 ")
                + "; HttpOnly; Path=/";
    }

    /** bleach's {@code Cleaner(tags=[]).clean}: markup escaped, not stripped (src/lib/account.py:169-177). */
    static String bleach(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String key(String... parts) {
        return String.join("/", parts);
    }

    /** The post endpoints wrap the post, with its attachments and previews beside it. */
    static ObjectNode postEnvelope(ObjectNode post) {
        ObjectNode env = Responses.object();
        env.set("post", post.deepCopy());
        env.putArray("attachments");
        env.putArray("previews");
        env.putArray("videos");
        env.putObject("props").put("service", post.get("service").asText());
        return env;
    }
}
