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
