package dev.latchkey.core.http;

import dev.latchkey.core.error.ErrorMapper;
import dev.latchkey.core.internal.CallSecrets;
import dev.latchkey.core.internal.Secrets;
import java.util.List;
import okhttp3.Headers;

/** Says which request an answer belongs to, for messages; path and secrets are computed only when needed. */
final class Origin {
    private final ApiRequest api;
    private final List<String> requestIdHeaders;
    /** Values of the headers the caller added (client options, per-call options): Latchkey cannot tell which are
     * credentials (an API gateway's key, a proxy's token), so all are secret. */
    private final List<String> callerHeaderValues;
    /** The client's memo, or {@code null} for an origin of its own. */
    private final SecretsMemo memo;
    /** The call's secrets, built once on first use, shared with the log through the request's tag. */
    private final CallSecrets secrets = new CallSecrets(this::computeSecrets);

    /** Maps an error answer as the pipeline does (the endpoint's mapper, the provider's, core's). */
    private final ProviderSpec provider;

    Origin(ApiRequest api, List<String> requestIdHeaders) {
        this(api, requestIdHeaders, List.of(), null, null);
    }

    Origin(ApiRequest api, List<String> requestIdHeaders, List<String> callerHeaderValues, SecretsMemo memo,
            ProviderSpec provider) {
        this.api = api;
        this.requestIdHeaders = requestIdHeaders;
        this.callerHeaderValues = callerHeaderValues;
        this.memo = memo;
        this.provider = provider;
    }

    dev.latchkey.core.error.LatchkeyException mapError(dev.latchkey.core.error.ErrorResponse response) {
        return provider != null ? provider.mapError(api.errorMapper(), response)
                : ErrorMapper.chain(api.errorMapper(), ErrorMapper.DEFAULT).map(response);
    }

    /** @return the request id the provider sent back (first of its headers present), scrubbed, or {@code null} */
    String requestId(Headers headers) {
        for (String h : requestIdHeaders) {
            String v = headers.get(h);
            if (v != null && !v.isBlank()) {
                return secrets().excerpt(v, 100);
            }
        }
        return null;
    }

    String method() {
        return api.method();
    }

    String path() {
        return api.redactedPath();
    }

    /** @return whether the request was marked sensitive: its answer may hold a secret no scrubber knows yet */
    boolean sensitive() {
        return api.sensitive();
    }

    Secrets secrets() {
        return secrets.get();
    }

    /** @return the call's secrets, for the request's tag: the log reads the same object */
    CallSecrets callSecrets() {
        return secrets;
    }

    private Secrets computeSecrets() {
        List<String> values = api.secretValues();
        values.addAll(callerHeaderValues);
        callerHeaderValues.forEach(v -> values.addAll(Secrets.credentialParts(v)));
        return memo != null ? memo.of(values) : values.isEmpty() ? Secrets.NONE : Secrets.NONE.with(values);
    }
}
