package dev.latchkey.core.http;

import dev.latchkey.core.Async;
import dev.latchkey.core.RequestOptions;
import dev.latchkey.core.error.NotFoundException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One endpoint call, described once (request and parser) and run either way: {@link #execute} blocks,
 * {@link #executeAsync} does not, {@link #executeRaw} keeps the whole answer, and {@link #withOptions} changes the
 * per-call options. Provider modules define each endpoint as an {@code ApiCall}, so these forms of a call cannot drift
 * apart: none is a hand-written copy.
 *
 * @param request the request
 * @param parser reads a successful answer
 * @param <T> the result
 */
public record ApiCall<T>(ApiRequest request, ResponseParser<T> parser) {

    /**
     * Creates an {@code ApiCall}, checking and normalizing its components.
     *
     * @param request the request
     * @param parser reads a successful answer
     */
    public ApiCall {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(parser, "parser");
    }

    /**
     * The escape hatch's call, for endpoints a provider module does not model: query parameters (values of
     * {@link ApiRequest#SECRET_QUERY_NAMES} redacted), an optional JSON body, and a JSON answer.
     *
     * @param request the request so far: method, path, and whatever credentials the provider adds
     * @param query query parameters, or {@code null}
     * @param body a value to send as JSON, or {@code null}
     * @param type the answer's type, or {@code Void.class} to ignore it
     * @param <T> the answer
     * @return the call
     */
    public static <T> ApiCall<T> of(ApiRequest.Builder request, Map<String, ?> query, Object body, Class<T> type) {
        dev.latchkey.core.error.InvalidInputException.require(type, "type");
        if (query != null) {
            query.forEach(request::query);
        }
        if (body != null) {
            request.jsonBody(body);
        }
        return new ApiCall<>(request.build(), type == Void.class ? r -> null : ResponseParser.json(type));
    }

    /**
     * @param options per-call options: a timeout, retries, headers, an idempotency key
     * @return this call with them; the endpoint's request and parser are unchanged
     */
    public ApiCall<T> withOptions(RequestOptions options) {
        return new ApiCall<>(request.withOptions(options), parser);
    }

    /**
     * @param pipeline runs the calls
     * @return the result, blocking
     */
    public T execute(HttpPipeline pipeline) {
        return pipeline.execute(request, parser);
    }

    /**
     * @param pipeline runs the calls
     * @return the result, without blocking
     */
    public CompletableFuture<T> executeAsync(HttpPipeline pipeline) {
        return pipeline.executeAsync(request, parser);
    }

    /**
     * @param pipeline runs the calls
     * @return the whole answer (status, headers, request id, the body to parse on demand), blocking; an error status
     *     still throws its typed exception
     */
    public RawResponse executeRaw(HttpPipeline pipeline) {
        return pipeline.executeRaw(request);
    }

    /**
     * @param pipeline runs the calls
     * @return the result, or empty if the provider answered 404 (the thing does not exist)
     */
    public Optional<T> executeOptional(HttpPipeline pipeline) {
        try {
            return Optional.ofNullable(execute(pipeline));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * @param pipeline runs the calls
     * @return the async form of {@link #executeOptional}
     */
    public CompletableFuture<Optional<T>> executeOptionalAsync(HttpPipeline pipeline) {
        return Async.recover(Async.map(executeAsync(pipeline), Optional::ofNullable),
                error -> error instanceof NotFoundException ? CompletableFuture.completedFuture(Optional.<T>empty())
                        : CompletableFuture.failedFuture(error));
    }

    /**
     * @param mapper turns the parsed value into another
     * @param <R> the other result
     * @return this call with its result mapped (on the parsing thread)
     */
    public <R> ApiCall<R> map(Function<? super T, ? extends R> mapper) {
        ResponseParser<T> inner = parser;
        return new ApiCall<>(request, r -> mapper.apply(inner.parse(r)));
    }
}
