package dev.latchkey.core.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The secret values of one request (credentials, session cookies, tokens, secret path segments), carried as an OkHttp
 * request tag so that every log line and message about the request can be scrubbed of them, whatever form they
 * take in it.
 */
public final class Secrets {
    /** Values shorter than this are not scrubbed: replacing "a" everywhere would make logs unreadable. */
    static final int MIN_LENGTH = 4;
    public static final String MASK = "***";
    public static final Secrets NONE = new Secrets(List.of());

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    /** @return these secrets plus the given values (and their URL-encoded forms) */
    public Secrets with(Iterable<String> more) {
        List<String> all = new ArrayList<>(values);
        for (String v : more) {
            if (v != null && v.length() >= MIN_LENGTH && !all.contains(v)) {
                all.add(v);
                String encoded = URLEncoder.encode(v, StandardCharsets.UTF_8);
                if (!encoded.equals(v)) {
                    all.add(encoded);
                    all.add(encoded.replace("+", "%20"));
                }
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        all.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Secrets(List.copyOf(all));
    }

    /**
     * @param headerValue a credential header's value: {@code Bearer abc}, {@code session=abc; theme=x}
     * @return the parts a server could echo alone: the token after an auth scheme, each cookie value
     */
    public static List<String> credentialParts(String headerValue) {
        List<String> parts = new ArrayList<>();
        int space = headerValue.indexOf(' ');
        if (space > 0 && headerValue.substring(0, space).indexOf('=') < 0) {
            parts.add(headerValue.substring(space + 1).strip());
        }
        for (String pair : headerValue.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parts.add(pair.substring(eq + 1).strip());
            }
        }
        return parts;
    }

    /** @return whether there are no secrets to scrub */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** @return the text with every secret replaced by {@code ***} */
    public String scrub(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : values) {
            if (out.contains(v)) {
                out = out.replace(v, MASK);
            }
        }
        return out;
    }
}
