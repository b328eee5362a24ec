/**
 * The call path every provider module uses: a request ({@link dev.latchkey.core.http.ApiRequest}) and its parser make
 * an {@link dev.latchkey.core.http.ApiCall}, which the {@link dev.latchkey.core.http.HttpPipeline} runs with retries,
 * a deadline, redacted logging and typed failures. Users meet it as the raw answer ({@code withResponse}) and the
 * escape hatch ({@code request(...)}); provider modules build on it.
 *
 * <pre>{@code
 * ApiRequest request = ApiRequest.get("/v1/{service}/user/{id}/profile")
 *         .pathParam("service", "fanbox").pathParam("id", id).build();
 * Creator c = new ApiCall<>(request, ResponseParser.json(Creator.class)).execute(pipeline);
 * }</pre>
 */
package dev.latchkey.core.http;
