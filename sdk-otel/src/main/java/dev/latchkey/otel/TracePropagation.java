package dev.latchkey.otel;

import dev.latchkey.core.observe.ObservedCall;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;

/**
 * Sends the trace context to the provider ({@code traceparent}, or whatever the OpenTelemetry's propagators write):
 * off unless you add it, because a tracing header on a scraped site is a fingerprint. Add it to the OkHttp client a
 * Latchkey client is built on:
 *
 * <pre>{@code
 * OpenTelemetryObserver observer = OpenTelemetryObserver.create(otel);
 * OkHttpClient http = new OkHttpClient.Builder()
 *         .addInterceptor(TracePropagation.interceptor(otel, observer)).build();
 * TmdbClient tmdb = TmdbClient.builder().httpClient(http).observer(observer).apiKey(key).build();
 * }</pre>
 *
 * The context sent is the one current on the thread that started the call (the call's span is made afterwards, on
 * the observer's thread, so its id is not known yet): the provider's logs link to your span.
 */
public final class TracePropagation {
    private TracePropagation() {
    }

    /**
     * @param otel whose propagators write the headers
     * @param observer the observer the client has: the context it captured for each call is the one sent
     * @return an interceptor that adds the trace context to every request of a traced Latchkey call
     */
    public static Interceptor interceptor(OpenTelemetry otel, OpenTelemetryObserver observer) {
        Objects.requireNonNull(otel, "otel");
        Objects.requireNonNull(observer, "observer");
        TextMapSetter<Request.Builder> setter = (carrier, key, value) -> carrier.header(key, value);
        return chain -> {
            Request request = chain.request();
            ObservedCall call = request.tag(ObservedCall.class);
            Context context = call != null && call.context(observer) instanceof Context c ? c : Context.current();
            Request.Builder b = request.newBuilder();
            otel.getPropagators().getTextMapPropagator().inject(context, b, setter);
            return chain.proceed(b.build());
        };
    }
}
