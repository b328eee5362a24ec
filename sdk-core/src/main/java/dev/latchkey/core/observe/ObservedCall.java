package dev.latchkey.core.observe;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One logical call, as every event of it names it: the operation and where it went, already redacted. The same
 * instance comes with every event of the call, so an observer may key its own state by it (it compares by identity).
 */
public final class ObservedCall {
    private final long id;
    private final String provider;
    private final String operation;
    private final String method;
    private final String urlTemplate;
    private final String url;
    private final String serverAddress;
    private final int serverPort;
    private final boolean async;
    private final Instant startedAt;
    /** What each observer's {@link CallObserver#captureContext} returned on the calling thread, when not null. */
    private final Map<CallObserver, Object> contexts;

    /**
     * @param id a number unique in this process, in the order calls started
     * @param provider the provider's name ({@code kemono})
     * @param operation what the call does, {@code <provider>.<name>} ({@code kemono.favorites}); an unnamed request is
     *     {@code <provider>.<METHOD> <path template>}
     * @param method the HTTP method
     * @param urlTemplate the path template below the base URL ({@code /v1/{service}/user/{id}}): low cardinality
     * @param url the full URL with every secret replaced by {@code ***}
     * @param serverAddress the host
     * @param serverPort the port
     * @param async whether it runs without blocking
     * @param startedAt when it started, by the client's clock
     * @param contexts what observers captured on the calling thread, by observer
     */
    public ObservedCall(long id, String provider, String operation, String method, String urlTemplate, String url,
            String serverAddress, int serverPort, boolean async, Instant startedAt, Map<CallObserver, Object> contexts) {
        this.id = id;
        this.provider = Objects.requireNonNull(provider, "provider");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.method = Objects.requireNonNull(method, "method");
        this.urlTemplate = Objects.requireNonNull(urlTemplate, "urlTemplate");
        this.url = Objects.requireNonNull(url, "url");
        this.serverAddress = Objects.requireNonNull(serverAddress, "serverAddress");
        this.serverPort = serverPort;
        this.async = async;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    /** @return a number unique in this process, in the order calls started */
    public long id() {
        return id;
    }

    /** @return the provider's name ({@code kemono}) */
    public String provider() {
        return provider;
    }

    /** @return what the call does, {@code <provider>.<name>} ({@code kemono.favorites}) */
    public String operation() {
        return operation;
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the path template below the base URL ({@code /v1/{service}/user/{id}}): low cardinality */
    public String urlTemplate() {
        return urlTemplate;
    }

    /**
     * @return the full URL with every secret replaced by {@code ***}: the provider's credential query parameters,
     *     secret path values, and every secret the request carries, wherever it would appear
     */
    public String url() {
        return url;
    }

    /** @return the host */
    public String serverAddress() {
        return serverAddress;
    }

    /** @return the port */
    public int serverPort() {
        return serverPort;
    }

    /** @return whether the call runs without blocking */
    public boolean async() {
        return async;
    }

    /** @return when the call started, by the client's clock */
    public Instant startedAt() {
        return startedAt;
    }

    /**
     * @param observer an observer
     * @return what its {@link CallObserver#captureContext} returned on the calling thread when this call started, or
     *     {@code null}
     */
    public Object context(CallObserver observer) {
        return contexts.get(observer);
    }

    /** Identity: two calls are the same call only if they are the same object. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "ObservedCall[id=" + id + ", operation=" + operation + ", method=" + method + ", url=" + url
                + ", async=" + async + ", startedAt=" + startedAt + ']';
    }
}
