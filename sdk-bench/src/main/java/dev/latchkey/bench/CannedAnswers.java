package dev.latchkey.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * Answers recorded once from a testkit fake (its documented wire format), keyed by {@link #key}, and served unchanged
 * to every contender by {@link CannedServer}. {@link #recorder()} records them from whatever calls go through it, so a
 * benchmark records a flow by running it once against the fake.
 */
final class CannedAnswers {
    /** One answer: status, the headers that matter to a client, body. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    }

    // Framing headers are the serving server's business; the date would differ per answer anyway.
    private static final Set<String> NOT_REPLAYED = Set.of("date", "content-length", "transfer-encoding", "connection",
            "keep-alive");
    private static final Pattern COMMAND = Pattern.compile("\"cmd\"\\s*:\\s*\"([^\"]+)\"");

    private final Map<String, Answer> answers = new LinkedHashMap<>();

    /**
     * The key an answer is served by: the path (whatever the method: the peers send some calls as GET that Latchkey
     * sends as POST), plus the command for Karaoke Mugen's single {@code POST /api/command} endpoint.
     */
    static String key(String path, byte[] body) {
        if (body != null && path.endsWith("/api/command")) {
            Matcher m = COMMAND.matcher(new String(body, StandardCharsets.UTF_8));
            if (m.find()) {
                return path + "#" + m.group(1);
            }
        }
        return path;
    }

    synchronized CannedAnswers put(String key, Answer answer) {
        answers.put(key, answer);
        return this;
    }

    /** A JSON answer. */
    CannedAnswers json(String path, int status, byte[] body) {
        return put(key(path, null), new Answer(status, Map.of("Content-Type",
                List.of("application/json; charset=utf-8")), body));
    }

    synchronized Map<String, Answer> all() {
        return Map.copyOf(answers);
    }

    /** @return a network interceptor that records every answer passing through it */
    Interceptor recorder() {
        return chain -> {
            Request request = chain.request();
            byte[] sent = null;
            if (request.body() != null) {
                Buffer b = new Buffer();
                request.body().writeTo(b);
                sent = b.readByteArray();
            }
            Response response = chain.proceed(request);
            byte[] body = response.peekBody(Long.MAX_VALUE).bytes();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            Headers h = response.headers();
            for (String name : h.names()) {
                if (!NOT_REPLAYED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    headers.put(name, h.values(name));
                }
            }
            put(key(request.url().encodedPath(), sent), new Answer(response.code(), headers, body));
            return response;
        };
    }

    /** @return an OkHttp client that records, for running a flow once against a fake */
    OkHttpClient recordingClient() {
        return new OkHttpClient.Builder().addNetworkInterceptor(recorder()).build();
    }

    void writeTo(OutputStream out) {
        try {
            DataOutputStream d = new DataOutputStream(out);
            Map<String, Answer> all = all();
            d.writeInt(all.size());
            for (Map.Entry<String, Answer> e : all.entrySet()) {
                d.writeUTF(e.getKey());
                Answer a = e.getValue();
                d.writeInt(a.status());
                d.writeInt(a.headers().size());
                for (Map.Entry<String, List<String>> h : a.headers().entrySet()) {
                    d.writeUTF(h.getKey());
                    d.writeInt(h.getValue().size());
                    for (String v : h.getValue()) {
                        d.writeUTF(v);
                    }
                }
                d.writeInt(a.body().length);
                d.write(a.body());
            }
            d.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CannedAnswers readFrom(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        CannedAnswers answers = new CannedAnswers();
        int n = d.readInt();
        for (int i = 0; i < n; i++) {
            String key = d.readUTF();
            int status = d.readInt();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            int hn = d.readInt();
            for (int j = 0; j < hn; j++) {
                String name = d.readUTF();
                int vn = d.readInt();
                List<String> values = new ArrayList<>(vn);
                for (int k = 0; k < vn; k++) {
                    values.add(d.readUTF());
                }
                headers.put(name, values);
            }
            byte[] body = new byte[d.readInt()];
            d.readFully(body);
            answers.put(key, new Answer(status, headers, body));
        }
        return answers;
    }
}
