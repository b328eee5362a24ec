package dev.latchkey.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints results: an aligned table for people, JSON for scripts ({@code --json}). */
final class Output {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new Jdk8Module()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** Prints a value as JSON (in JSON mode) or as the given text. */
    void value(Object value, String text) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(value));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.println(text);
        }
        out.flush();
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
        all.addAll(rows);
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
