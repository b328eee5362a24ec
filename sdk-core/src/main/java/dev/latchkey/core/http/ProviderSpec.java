package dev.latchkey.core.http;

import dev.latchkey.core.error.ErrorMapper;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a provider module tells the pipeline about its API: a name (for logs and the user agent), the default base URL,
 * its error mapper, headers every call needs, which response headers carry a request id, and which query parameters
 * carry secrets (TMDb's {@code api_key} and {@code session_id}): core knows only the generic credential names
 * ({@link ApiRequest#SECRET_QUERY_NAMES}), each provider declares its own.
 *
 * @param name short provider name, for example {@code "kemono"}
 * @param defaultBaseUrl the public API root
 * @param errorMapper the provider's error mapper
 * @param defaultHeaders headers sent with every call (Kemono's {@code Accept: text/css})
 * @param requestIdHeaders response headers that carry a request id, first present wins
 * @param secretQueryNames query parameters whose values are secret on this provider, beside the generic ones
 */
public record ProviderSpec(String name, String defaultBaseUrl, ErrorMapper errorMapper,
        Map<String, String> defaultHeaders, List<String> requestIdHeaders, java.util.Set<String> secretQueryNames) {

    /** Response headers read for a request id when a provider names none. */
    public static final List<String> COMMON_REQUEST_ID_HEADERS = List.of("X-Request-Id", "Request-Id",
            "X-Amzn-RequestId", "X-Amz-Cf-Id", "CF-Ray");

    /**
     * Creates a {@code ProviderSpec}, checking and normalizing its components.
     *
     * @param name short provider name, for example {@code "kemono"}
     * @param defaultBaseUrl the public API root
     * @param errorMapper the provider's error mapper
     * @param defaultHeaders headers sent with every call (Kemono's {@code Accept: text/css})
     * @param requestIdHeaders response headers that carry a request id, first present wins
     * @param secretQueryNames query parameters whose values are secret on this provider, beside the generic ones
     */
    public ProviderSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl");
        errorMapper = errorMapper == null ? ErrorMapper.DEFAULT : errorMapper;
        defaultHeaders = Map.copyOf(defaultHeaders == null ? Map.of() : defaultHeaders);
        requestIdHeaders = List.copyOf(requestIdHeaders == null ? COMMON_REQUEST_ID_HEADERS : requestIdHeaders);
        secretQueryNames = java.util.Set.copyOf(secretQueryNames == null ? java.util.Set.of() : secretQueryNames);
    }

    /**
     * A spec whose query parameters hold no provider secret beside the generic ones.
     *
     * @param name short provider name
     * @param defaultBaseUrl the public API root
     * @param errorMapper the provider's error mapper
     * @param defaultHeaders headers sent with every call
     * @param requestIdHeaders response headers that carry a request id
     */
    public ProviderSpec(String name, String defaultBaseUrl, ErrorMapper errorMapper,
            Map<String, String> defaultHeaders, List<String> requestIdHeaders) {
        this(name, defaultBaseUrl, errorMapper, defaultHeaders, requestIdHeaders, java.util.Set.of());
    }

    /**
     * @param names query parameters whose values are secret on this provider (TMDb's {@code api_key})
     * @return this spec with them
     */
    public ProviderSpec withSecretQueryNames(String... names) {
        return new ProviderSpec(name, defaultBaseUrl, errorMapper, defaultHeaders, requestIdHeaders,
                java.util.Set.of(names));
    }

    /** @return the generic secret query names and this provider's */
    java.util.Set<String> allSecretQueryNames() {
        if (secretQueryNames.isEmpty()) {
            return ApiRequest.SECRET_QUERY_NAMES;
        }
        java.util.Set<String> all = new java.util.HashSet<>(ApiRequest.SECRET_QUERY_NAMES);
        all.addAll(secretQueryNames);
        return java.util.Set.copyOf(all);
    }

    /**
     * Maps an error answer the way every call does: the endpoint's mapper, then this provider's, then core's default
     * ({@link ErrorMapper#chain}). The pipeline calls exactly this; a provider's mapping tests should too.
     *
     * @param endpoint the endpoint's own mapper, or {@code null}
     * @param response the error answer
     * @return the typed exception, never {@code null}
     */
    public dev.latchkey.core.error.LatchkeyException mapError(ErrorMapper endpoint,
            dev.latchkey.core.error.ErrorResponse response) {
        return ErrorMapper.chain(endpoint, errorMapper).map(response);
    }

    /**
     * @param name the provider's name, for messages
     * @param defaultBaseUrl the public API root
     * @return a spec with the default error mapper, no extra headers and the common request id headers
     */
    public static ProviderSpec of(String name, String defaultBaseUrl) {
        return new ProviderSpec(name, defaultBaseUrl, ErrorMapper.DEFAULT, Map.of(), COMMON_REQUEST_ID_HEADERS,
                java.util.Set.of());
    }
}
