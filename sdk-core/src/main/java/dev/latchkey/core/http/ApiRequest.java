package dev.latchkey.core.http;

import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.error.ErrorMapper;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.internal.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * One API call, described: method, path template, path and query parameters, headers and body, plus what the
 * pipeline needs to handle it safely: which values are secret, whether it may be replayed, and how its errors map.
 * Immutable; made with {@link #get}, {@link #post}, {@link #put}, {@link #delete} or {@link #builder}.
 *
 * <pre>{@code
 * ApiRequest.get("/v1/{service}/user/{id}/profile").pathParam("service", "fanbox").pathParam("id", id).build();
 * }</pre>
 */
public final class ApiRequest {
    /**
     * Query parameters whose values are always treated as secret: the generic credential names (OAuth 2.0's and a
     * password's). A provider declares its own beside them ({@link ProviderSpec#secretQueryNames()}).
     */
    public static final Set<String> SECRET_QUERY_NAMES = Set.of("code", "state", "password", "access_token",
            "refresh_token", "token", "client_secret", "client_assertion", "id_token");

    private final String method;
    private final String pathTemplate;
    private final Map<String, String> pathParams;
    private final Set<String> secretPathParams;
    private final List<Param> query;
    private final List<Param> headers;
    private final byte[] body;
    private final MediaType bodyType;
    private final boolean sensitive;
    private final Boolean replayable;
    private final ErrorMapper errorMapper;
    private final RequestOptions options;
    private final List<String> extraSecrets;
    /** What the call does, for observers ({@code favorites}); {@code null}: named by method and template. */
    private final String operation;
    private volatile String redactedPath;

    record Param(String name, String value, boolean secret) {
    }

    private ApiRequest(Builder b) {
        this.method = b.method;
        this.pathTemplate = b.pathTemplate;
        this.pathParams = Map.copyOf(b.pathParams);
        this.secretPathParams = Set.copyOf(b.secretPathParams);
        this.query = List.copyOf(b.query);
        this.headers = List.copyOf(b.headers);
        this.body = b.body;
        this.bodyType = b.bodyType;
        this.sensitive = b.sensitive;
        this.replayable = b.replayable;
        this.errorMapper = b.errorMapper;
        this.options = b.options;
        this.extraSecrets = List.copyOf(b.extraSecrets);
        this.operation = b.operation;
        for (String name : PathTemplate.names(pathTemplate)) {
            if (!pathParams.containsKey(name)) {
                throw new IllegalArgumentException("path parameter {" + name + "} of " + pathTemplate + " is not set");
            }
        }
    }

    private ApiRequest(ApiRequest o, RequestOptions options) {
        this(o, options, o.query);
    }

    private ApiRequest(ApiRequest o, RequestOptions options, List<Param> query) {
        this.method = o.method;
        this.pathTemplate = o.pathTemplate;
        this.pathParams = o.pathParams;
        this.secretPathParams = o.secretPathParams;
        this.query = query;
        this.headers = o.headers;
        this.body = o.body;
        this.bodyType = o.bodyType;
        this.sensitive = o.sensitive;
        this.replayable = o.replayable;
        this.errorMapper = o.errorMapper;
        this.options = options;
        this.extraSecrets = o.extraSecrets;
        this.operation = o.operation;
    }

    /** @return what the call does ({@code favorites}), as the provider module named it, if it did */
    public Optional<String> operation() {
        return Optional.ofNullable(operation);
    }

    /**
     * @param newOptions per-call options (timeout, retries, headers, idempotency key)
     * @return this request with them in place of its own
     */
    public ApiRequest withOptions(RequestOptions newOptions) {
        return new ApiRequest(this, InvalidInputException.require(newOptions, "options"));
    }

    /**
     * @param pathTemplate the path below the base URL, with {@code {name}} placeholders
     * @return a builder for a GET
     */
    public static Builder get(String pathTemplate) {
        return builder("GET", pathTemplate);
    }

    /**
     * @param pathTemplate the path below the base URL, with {@code {name}} placeholders
     * @return a builder for a POST
     */
    public static Builder post(String pathTemplate) {
        return builder("POST", pathTemplate);
    }

    /**
     * @param pathTemplate the path below the base URL, with {@code {name}} placeholders
     * @return a builder for a PUT
     */
    public static Builder put(String pathTemplate) {
        return builder("PUT", pathTemplate);
    }

    /**
     * @param pathTemplate the path below the base URL, with {@code {name}} placeholders
     * @return a builder for a DELETE
     */
    public static Builder delete(String pathTemplate) {
        return builder("DELETE", pathTemplate);
    }

    /**
     * @param method the HTTP method
     * @param pathTemplate the path below the base URL, with {@code {name}} placeholders
     * @return a builder
     */
    public static Builder builder(String method, String pathTemplate) {
        return new Builder(method, pathTemplate);
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the path template, for example {@code /v1/{service}/user/{id}/profile} */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** @return whether request and response bodies must never be logged (logins, token exchanges) */
    public boolean sensitive() {
        return sensitive;
    }

    /** @return the per-call options */
    public RequestOptions options() {
        return options;
    }

    /** @return the endpoint's own error mapper, asked before the provider's, or {@code null} */
    public ErrorMapper errorMapper() {
        return errorMapper;
    }

    /**
     * @return whether the request may be sent again after a failure: GET, HEAD, PUT, DELETE and OPTIONS, or any
     *     request marked replayable or given an idempotency key; never one marked not replayable
     */
    public boolean replayable() {
        if (replayable != null) {
            return replayable;
        }
        if (options.idempotencyKey().isPresent()) {
            return true;
        }
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
            default -> false;
        };
    }

    /** @return the path and query as they may appear in messages and logs, secrets replaced by {@code ***} */
    public String redactedPath() {
        String p = redactedPath;
        if (p == null) {
            StringBuilder sb = new StringBuilder(PathTemplate.expand(pathTemplate, pathParams,
                    secretPathParams));
            char sep = '?';
            for (Param q : query) {
                sb.append(sep).append(q.name()).append('=').append(q.secret() ? Secrets.MASK
                        : PathTemplate.shown(q.value()));
                sep = '&';
            }
            redactedPath = p = sb.toString();
        }
        return p;
    }

    /**
     * @param names query parameters whose values are secret on the provider this request goes to
     * @return this request with those parameters marked secret (itself when none is present unmarked)
     */
    ApiRequest withSecretQueryNames(Set<String> names) {
        if (query.stream().noneMatch(q -> !q.secret() && names.contains(q.name()))) {
            return this;
        }
        return new ApiRequest(this, options, query.stream().map(q -> q.secret() || !names.contains(q.name()) ? q
                : new Param(q.name(), q.value(), true)).toList());
    }

    /** @return whether a query parameter of this name carries a secret */
    boolean isSecretQueryName(String name) {
        for (Param q : query) {
            if (q.secret() && q.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** @return the full URL below the base */
    HttpUrl url(HttpUrl base) {
        HttpUrl.Builder b = PathTemplate.addSegments(base.newBuilder(), pathTemplate, pathParams);
        for (Param q : query) {
            b.addQueryParameter(q.name(), q.value());
        }
        return b.build();
    }

    List<Param> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }

    MediaType bodyType() {
        return bodyType;
    }

    /** @return the secret values this request carries (credentials and their parts, secret parameters) */
    List<String> secretValues() {
        List<String> values = new ArrayList<>(extraSecrets);
        for (String name : secretPathParams) {
            values.add(pathParams.get(name));
        }
        for (Param q : query) {
            if (q.secret()) {
                values.add(q.value());
            }
        }
        for (Param h : headers) {
            if (h.secret()) {
                values.add(h.value());
                values.addAll(Secrets.credentialParts(h.value()));
            }
        }
        return values;
    }

    /**
     * @param what what the value is, for the message
     * @param value a value to send in a header
     * @throws InvalidInputException if HTTP cannot carry it there (CR, LF, other control or non-ASCII characters)
     */
    public static void checkHeaderValue(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                throw new InvalidInputException(what + " holds a character that cannot be sent in an HTTP header "
                        + "(at index " + i + ": control or non-ASCII)");
            }
        }
    }

    @Override
    public String toString() {
        return method + ' ' + redactedPath();
    }

    /** Builds an {@link ApiRequest}. */
    public static final class Builder {
        private final String method;
        private final String pathTemplate;
        private final Map<String, String> pathParams = new LinkedHashMap<>();
        private final Set<String> secretPathParams = new java.util.HashSet<>();
        private final List<Param> query = new ArrayList<>();
        private final List<Param> headers = new ArrayList<>();
        private byte[] body;
        private MediaType bodyType;
        private boolean sensitive;
        private Boolean replayable;
        private ErrorMapper errorMapper;
        private RequestOptions options = RequestOptions.none();
        private final List<String> extraSecrets = new ArrayList<>();
        private String operation;

        private Builder(String method, String pathTemplate) {
            if (method == null || method.isBlank()) {
                throw new InvalidInputException("method is blank");
            }
            if (pathTemplate == null || !pathTemplate.startsWith("/")) {
                throw new InvalidInputException("path must start with '/'" + (pathTemplate == null ? " (it is null)"
                        : ": " + (pathTemplate.length() > 100 ? pathTemplate.substring(0, 100) + "…" : pathTemplate)));
            }
            this.method = method.toUpperCase(Locale.ROOT);
            this.pathTemplate = pathTemplate;
        }

        /**
         * Fills a {@code {name}} placeholder; the value is encoded as one path segment, so a {@code /} in it cannot
         * change the path.
         *
         * @param name the path parameter name
         * @param value the value
         * @return this builder
         * @throws InvalidInputException if the value is blank
         */
        public Builder pathParam(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidInputException(name + " is blank");
            }
            // OkHttp resolves "." and ".." segments, so they would move the call (and its session) elsewhere.
            if (value.equals(".") || value.equals("..")) {
                throw new InvalidInputException(name + " must not be '" + value + "' (a path step, not an id)");
            }
            pathParams.put(name, value);
            return this;
        }

        /**
         * Fills a placeholder with a secret (a guest session id in a path): shown as {@code ***} everywhere.
         *
         * @param name the path parameter name
         * @param value the value
         * @return this builder
         */
        public Builder secretPathParam(String name, String value) {
            pathParam(name, value);
            secretPathParams.add(name);
            return this;
        }

        /**
         * Adds a query parameter; values of {@link #SECRET_QUERY_NAMES} are treated as secret.
         *
         * @param name the query parameter name
         * @param value the value
         * @return this builder
         */
        public Builder query(String name, Object value) {
            if (value != null) {
                String v = String.valueOf(value);
                query.add(new Param(name, v, SECRET_QUERY_NAMES.contains(name)));
            }
            return this;
        }

        /**
         * Adds a query parameter whose value is secret, whatever its name.
         *
         * @param name the query parameter name
         * @param value the value
         * @return this builder
         */
        public Builder secretQuery(String name, String value) {
            query.add(new Param(name, Objects.requireNonNull(value, name), true));
            return this;
        }

        /**
         * Adds a header.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         * @throws InvalidInputException if the value holds a character HTTP cannot carry in a header (CR, LF, a control
         *     or non-ASCII character); the value itself is not repeated
         */
        public Builder header(String name, String value) {
            headers.add(new Param(name, headerValue(name, value), false));
            return this;
        }

        /**
         * Adds a header whose value is secret (a cookie, a token); checked as {@link #header} checks.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder secretHeader(String name, String value) {
            headers.add(new Param(name, headerValue(name, value), true));
            return this;
        }

        private static String headerValue(String name, String value) {
            if (value == null) {
                throw new InvalidInputException("header " + name + " is missing");
            }
            checkHeaderValue(name, value);
            return value;
        }

        /**
         * Registers a value to scrub from logs and messages, such as a password inside a JSON body.
         *
         * @param value a secret to mask wherever it appears
         * @return this builder
         */
        public Builder secret(String value) {
            if (value != null) {
                extraSecrets.add(value);
            }
            return this;
        }

        /**
         * Sends the value serialized as JSON by Latchkey's own mapper.
         *
         * @param value the value to send as JSON
         * @return this builder
         */
        public Builder jsonBody(Object value) {
            return body(RequestBodies.json(value));
        }

        private Builder body(RequestBodies.Encoded encoded) {
            this.body = encoded.bytes();
            this.bodyType = encoded.type();
            return this;
        }

        /**
         * Sends the fields as an URL-encoded form.
         *
         * @param fields the form fields, in order
         * @return this builder
         */
        public Builder formBody(Map<String, String> fields) {
            return body(RequestBodies.form(fields));
        }

        /**
         * Sends one file as {@code multipart/form-data}, as a browser's file upload does.
         *
         * @param field the form field's name, for example {@code file}
         * @param filename the file name the server sees
         * @param content the file's bytes
         * @param contentType its media type, for example {@code image/png}
         * @return this builder
         */
        public Builder multipartFile(String field, String filename, byte[] content, String contentType) {
            return body(RequestBodies.multipartFile(field, filename, content, contentType));
        }

        /**
         * Marks the call's bodies as secret: they are never logged, whatever the level (logins, registrations,
         * token exchanges, password changes).
         *
         * @return this builder
         */
        public Builder sensitive() {
            this.sensitive = true;
            return this;
        }

        /**
         * Overrides whether the request may be replayed after a failure. {@code false} for anything that must never
         * run twice; {@code true} for a POST that is safe to repeat.
         *
         * @param replayable whether the command only reads (safe to send again)
         * @return this builder
         */
        public Builder replayable(boolean replayable) {
            this.replayable = replayable;
            return this;
        }

        /**
         * Sets an error mapper for this endpoint, asked before the provider's.
         *
         * @param errorMapper the provider's error mapper
         * @return this builder
         */
        public Builder errorMapper(ErrorMapper errorMapper) {
            this.errorMapper = errorMapper;
            return this;
        }

        /**
         * Sets per-call options.
         *
         * @param options per-call options: a timeout, retries, headers, an idempotency key
         * @return this builder
         */
        public Builder options(RequestOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Names what the call does, for observers: the provider's name and this make the operation
         * ({@code kemono.favorites}); without one it is named by method and path template.
         *
         * @param name a short, fixed name (low cardinality: never an id or a user name)
         * @return this builder
         */
        public Builder operation(String name) {
            this.operation = InvalidInputException.require(name, "operation");
            return this;
        }

        /** @return the request */
        public ApiRequest build() {
            return new ApiRequest(this);
        }
    }
}
