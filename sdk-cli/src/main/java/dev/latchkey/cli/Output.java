package dev.latchkey.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.latchkey.core.internal.Text;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints results: an aligned table for people, JSON for scripts ({@code --json}). */
final class Output {
    private static final ObjectMapper JSON = JsonMapper.builder(new com.fasterxml.jackson.core.JsonFactoryBuilder()
                    .characterEscapes(new TerminalSafeEscapes()).build()).addModule(new JavaTimeModule())
            .addModule(new Jdk8Module()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * JSON escapes the C0 controls itself; this escapes the rest of what acts on a terminal too (DEL, the C1
     * controls such as U+009B, which starts an escape sequence on some terminals, the bidirectional controls, the line
     * and paragraph separators), so {@code --json} output piped to a terminal is as safe as the table.
     */
    static final class TerminalSafeEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return ch <= 0xFFFF && Text.isControl((char) ch)
                    ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }

    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /**
     * Prints a value as JSON (in JSON mode, where Jackson escapes every control character) or as the given lines.
     * A line holds a server's text (a creator's name, a title): its control characters are shown, never sent to the
     * terminal as they are, where an escape sequence would retitle the window or clear the screen and a line feed
     * forge a line.
     */
    void value(Object value, String... lines) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(value));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            for (String line : lines) {
                out.println(safe(line));
            }
        }
        out.flush();
    }

    /**
     * @return a failure as one JSON object for scripts: {@code {"error": {"type", "message", "exit", "status",
     *     "code", "requestId", "hint"}}}, the fields a failure has
     */
    static String errorJson(Throwable e, String message, String hint, int exit) {
        com.fasterxml.jackson.databind.node.ObjectNode error = JSON.createObjectNode();
        error.put("type", e.getClass().getSimpleName()).put("message", message).put("exit", exit);
        if (e instanceof dev.latchkey.core.error.ApiException api) {
            error.put("status", api.status());
            api.providerCode().ifPresent(c -> error.put("code", c));
            api.requestId().ifPresent(r -> error.put("requestId", r));
        }
        if (hint != null) {
            error.put("hint", hint);
        }
        com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
        root.set("error", error);
        try {
            return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** @return a duration as people say it: {@code 5 minutes}, {@code 1 hour 30 minutes}, {@code 45 seconds} */
    static String human(java.time.Duration d) {
        long s = Math.max(0, d.getSeconds());
        List<String> parts = new ArrayList<>();
        long h = s / 3600;
        long m = s % 3600 / 60;
        long sec = s % 60;
        if (h > 0) {
            parts.add(h + (h == 1 ? " hour" : " hours"));
        }
        if (m > 0) {
            parts.add(m + (m == 1 ? " minute" : " minutes"));
        }
        if (sec > 0 || parts.isEmpty()) {
            parts.add(sec + (sec == 1 ? " second" : " seconds"));
        }
        return String.join(" ", parts);
    }

    /** @return the text with its control characters shown (a server's text may hold terminal escapes) */
    static String safe(String text) {
        return Text.visible(text);
    }

    /** Prints rows under headers, columns aligned (in JSON mode, the values as an array). */
    void table(List<?> values, List<String> headers, List<List<String>> rows) {
        if (json) {
            value(values, "");
            return;
        }
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        for (List<String> row : rows) {
            all.add(row.stream().map(Output::safe).toList());
        }
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                sb.append(i == row.size() - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
            }
            out.println(sb.toString().stripTrailing());
        }
        out.flush();
    }
}
