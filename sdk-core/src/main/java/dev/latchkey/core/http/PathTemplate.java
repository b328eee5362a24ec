package dev.latchkey.core.http;

import dev.latchkey.core.internal.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/** A request's path template ({@code /v1/{service}/user/{id}}): its names, its URL, and how messages show it. */
final class PathTemplate {
    /** The most of one path or query value that messages and logs show. */
    static final int MAX_SHOWN_VALUE = 64;

    private PathTemplate() {
    }

    /** @return the value, cut to {@link #MAX_SHOWN_VALUE} characters for a message */
    static String shown(String value) {
        return value.length() <= MAX_SHOWN_VALUE ? value : value.substring(0, MAX_SHOWN_VALUE) + "…";
    }

    /** @return the path with its parameters filled for a message: secret ones masked, long ones cut */
    static String expand(String template, Map<String, String> params, Set<String> secret) {
        if (params.isEmpty()) {
            return template;
        }
        StringBuilder sb = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                sb.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            String name = template.substring(open + 1, close);
            sb.append(template, i, open);
            sb.append(secret.contains(name) ? Secrets.MASK : shown(params.get(name)));
            i = close + 1;
        }
        return sb.toString();
    }

    /** @return the names of a template's placeholders, in order */
    static List<String> names(String template) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while ((i = template.indexOf('{', i)) >= 0) {
            int close = template.indexOf('}', i);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '{' in path " + template);
            }
            names.add(template.substring(i + 1, close));
            i = close + 1;
        }
        return names;
    }

    /** @return the URL builder with the template's segments added, each parameter encoded as one segment */
    static HttpUrl.Builder addSegments(HttpUrl.Builder b, String template, Map<String, String> params) {
        for (String segment : template.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.length() > 2 && segment.charAt(0) == '{' && segment.charAt(segment.length() - 1) == '}') {
                b.addPathSegment(params.get(segment.substring(1, segment.length() - 1)));
            } else {
                b.addPathSegment(segment);
            }
        }
        if (template.endsWith("/") && template.length() > 1) {
            b.addPathSegment("");
        }
        return b;
    }
}
