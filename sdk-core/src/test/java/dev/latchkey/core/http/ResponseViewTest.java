package dev.latchkey.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.InvalidResponseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** What a provider's parser sees of an answer, without a server: sniffing, caps, JSON, text, cookies, facts. */
class ResponseViewTest {
    record Item(@JsonProperty(required = true) int id) {
    }

    private static BodyView view(String body, long maxBytes, String... headers) {
        return view(body.getBytes(StandardCharsets.UTF_8), maxBytes, headers);
    }

    private static BodyView view(byte[] body, long maxBytes, String... headers) {
        ApiRequest api = ApiRequest.get("/v/{id}").secretPathParam("id", "s3cr3tpath").build();
        return new BodyView(200, Headers.of(headers), HttpUrl.get("https://h.example/v/x"),
                new Buffer().write(body), new Origin(api, List.of("X-Request-Id")), maxBytes);
    }

    @Test
    void jsonIsReadAfterWhiteSpaceAndAByteOrderMark() throws IOException {
        assertThat(view(" \n\t\r{\"id\":3}", 1000).json(Item.class)).isEqualTo(new Item(3));
        byte[] bom = "\uFEFF[{\"id\":1},{\"id\":2}]".getBytes(StandardCharsets.UTF_8);
        assertThat(view(bom, 1000).jsonList(Item.class)).containsExactly(new Item(1), new Item(2));
        assertThat(view("{\"a\":[1]}", 1000).json(new TypeReference<Map<String, List<Integer>>>() { }))
                .containsEntry("a", List.of(1));
        assertThat(view("{\"a\":1}", 1000).tree().get("a").asInt()).isEqualTo(1);
    }

    @Test
    void emptyNullHtmlAndEndlessWhiteSpaceAreInvalidAnswers() throws IOException {
        assertThatThrownBy(() -> view("", 1000).json(Item.class)).isInstanceOf(InvalidResponseException.class)
                .hasMessageContaining("empty body");
        assertThatThrownBy(() -> view("null", 1000).json(Item.class)).isInstanceOf(InvalidResponseException.class)
                .hasMessageContaining("JSON null");
        assertThatThrownBy(() -> view("  <html><title>Just a s3cr3tpath moment</title></html>", 1000,
                "X-Request-Id", "rq-5").json(Item.class))
                .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
                    assertThat(e.getMessage()).contains("HTML page titled", "GET /v/***", "request-id: rq-5")
                            .doesNotContain("s3cr3tpath");
                    assertThat(e.excerpt()).hasValueSatisfying(x -> assertThat(x).doesNotContain("s3cr3tpath"));
                });
        String spaces = " ".repeat(BodyView.MAX_LEADING_WHITESPACE) + "{}";
        assertThatThrownBy(() -> view(spaces, Long.MAX_VALUE).json(Map.class)).isInstanceOf(InvalidResponseException.class)
                .hasMessageContaining("white space");
        assertThat(view(" ".repeat(BodyView.MAX_LEADING_WHITESPACE - 1) + "{}", Long.MAX_VALUE).tree())
                .isEmpty();
    }

    @Test
    void aBodyPastTheCapIsRefusedAsItIsRead() throws IOException {
        assertThatThrownBy(() -> view("{\"id\":12345}", 5).json(Item.class))
                .isInstanceOf(TooLargeException.class);
        assertThatThrownBy(() -> view("0123456789", 5).text()).isInstanceOf(TooLargeException.class);
        assertThat(view("01234", 5).text()).isEqualTo("01234");
        assertThat(view("", 5).text()).isEmpty();
        LimitedInputStream in = new LimitedInputStream(
                new java.io.ByteArrayInputStream(new byte[10]), 4);
        assertThat(in.skip(4)).isEqualTo(4);
        assertThatThrownBy(in::read).isInstanceOf(TooLargeException.class);
        LimitedInputStream single = new LimitedInputStream(
                new java.io.ByteArrayInputStream(new byte[] {1, 2}), 1);
        assertThat(single.read()).isEqualTo(1);
        assertThatThrownBy(single::read).isInstanceOf(TooLargeException.class);
        LimitedInputStream skipping = new LimitedInputStream(
                new java.io.ByteArrayInputStream(new byte[10]), 4);
        assertThatThrownBy(() -> skipping.skip(5)).isInstanceOf(TooLargeException.class);
    }

    @Test
    void aBodyTheCallIgnoresMayBeAnythingButAPage() throws IOException {
        ResponseParser<Void> discard = ResponseParser.discard();
        discard.parse(view("", 100));
        discard.parse(view("  {\"ok\":true}", 100));
        discard.parse(view("\uFEFF true", 100));
        assertThatThrownBy(() -> discard.parse(view("\uFEFF  <!DOCTYPE html>", 100)))
                .isInstanceOf(InvalidResponseException.class).hasMessageContaining("HTML page");
    }

    @Test
    void cookiesHeadersAndFactsOfTheAnswer() {
        BodyView v = view("{}", 100, "Set-Cookie", "session=abc; Path=/", "Set-Cookie", "empty=; Path=/",
                "Content-Length", " 2 ", "X-Request-Id", "rq-9");
        assertThat(v.status()).isEqualTo(200);
        assertThat(v.cookie("session")).contains("abc");
        assertThat(v.cookie("empty")).isEmpty();
        assertThat(v.cookie("none")).isEmpty();
        assertThat(v.header("x-request-id")).contains("rq-9");
        assertThat(v.declaredLength()).isEqualTo(2);
        assertThat(view("{}", 100, "Content-Length", "two").declaredLength()).isEqualTo(-1);
        assertThat(view("{}", 100).declaredLength()).isEqualTo(-1);
        ApiError e = v.error("C-s3cr3tpath", "bad s3cr3tpath value");
        assertThat(e.requestId()).isEqualTo("rq-9");
        assertThat(e.providerCode()).doesNotContain("s3cr3tpath");
        assertThat(e.serverMessage()).doesNotContain("s3cr3tpath");
        assertThat(e.path()).isEqualTo("/v/***");
        assertThat(v.error(null, null).serverMessage()).isNull();
        assertThat(v.invalid("the value s3cr3tpath is wrong").getMessage()).doesNotContain("s3cr3tpath")
                .contains("(HTTP 200, request-id: rq-9)");
    }

    @Test
    void aListRefusesNullElementsTrailingDataAndNonArrays() {
        assertThatThrownBy(() -> view("[{\"id\":1},null]", 1000).jsonList(Item.class)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> view("[{\"id\":1}] [", 1000).jsonList(Item.class)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> view("{\"id\":1}", 1000).jsonList(Item.class)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> view("[{\"id\":1},{}]", 1000).jsonList(Item.class))
                .isInstanceOfSatisfying(com.fasterxml.jackson.databind.JsonMappingException.class,
                        e -> assertThat(e.getPathReference()).contains("[1]"));
    }
}
