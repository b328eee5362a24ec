package dev.latchkey.core.http;

import dev.latchkey.core.error.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.ClientOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaseUrlPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://kemono.cr/api", "https://api.themoviedb.org/", "http://127.0.0.1:8080/api",
        "http://127.9.9.9", "http://localhost:1/x", "http://[::1]:9000/", "http://app.localhost"})
    void allowed(String url) {
        assertThat(ClientOptions.builder().baseUrl(url).build().baseUrl()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://kemono.cr/api", "http://127.example.com", "http://10.0.0.1", "http://128.0.0.1",
        "http://127.0.0.256", "ftp://x", "not a url", "", "https://user:pw@host/", "https://host/?a=1"})
    void refused(String url) {
        assertThatThrownBy(() -> ClientOptions.builder().baseUrl(url).build())
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("pw@");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://192.168.1.20:1337", "http://10.0.0.1", "http://172.16.0.1", "http://172.31.255.1",
        "http://169.254.10.1", "http://[fd12:3456::1]:1337", "http://[fc00::1]", "http://[fe80::1]", "http://[febf::1]"})
    void privateNetworkAddressesNeedTheOptIn(String url) {
        assertThatThrownBy(() -> ClientOptions.builder().baseUrl(url).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("opt-in");
        assertThat(ClientOptions.builder().allowPlainHttpOnPrivateNetwork(true).baseUrl(url).build().baseUrl())
                .isPresent();
        // Either order: the opt-in after the URL counts too.
        assertThat(ClientOptions.builder().baseUrl(url).allowPlainHttpOnPrivateNetwork(true).build()
                .allowsPlainHttpOnPrivateNetwork()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8", "http://172.32.0.1", "http://172.15.255.1", "http://192.169.1.1",
        "http://karaoke.lan", "http://192.168.1.20.nip.io", "http://[2001:db8::1]", "http://11.0.0.1", "http://9.0.0.1",
        "http://169.253.1.1", "http://169.255.1.1", "http://168.254.1.1", "http://191.168.1.1", "http://193.168.1.1",
        "http://[fec0::1]", "http://[fe00::1]", "http://[fe40::1]", "http://[fb00::1]", "http://[fe:1::1]",
        "http://10.0.0", "http://10.0.0.1.2"})
    void theOptInNeverOpensPlainHttpToPublicAddressesOrNames(String url) {
        assertThatThrownBy(() -> ClientOptions.builder().allowPlainHttpOnPrivateNetwork(true).baseUrl(url).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("private-network");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://kemono.cr/api/", "https://kemono.cr/api"})
    void aTrailingSlashDoesNotChangeThePath(String base) {
        HttpPipeline p = HttpPipeline.create(ClientOptions.builder().baseUrl(base).build(),
                ProviderSpec.of("t", "https://x.invalid"));
        assertThat(ApiRequest.get("/v1/account").build().url(p.baseUrl()).toString())
                .isEqualTo("https://kemono.cr/api/v1/account");
        p.close();
    }

    @org.junit.jupiter.api.Test
    void credentialsAloneOrHalfAreRefusedAndNeverEchoed() {
        for (String url : java.util.List.of("https://user@host/", "https://:pw-only@host/", "https://u:p@127.0.0.1/")) {
            assertThatThrownBy(() -> ClientOptions.builder().baseUrl(url)).as(url)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("credentials")
                    .hasMessageNotContaining("pw-only");
        }
        assertThat(ClientOptions.builder().baseUrl("http://127.0.0.100:8080/").build().baseUrl()).isPresent();
        assertThatThrownBy(() -> ClientOptions.builder().baseUrl("http://127.0.0.1000/"))
                .isInstanceOf(InvalidInputException.class);
    }

    @org.junit.jupiter.api.Test
    void anUnparsableUrlIsShownWithItsUserInfoMasked() {
        assertThatThrownBy(() -> ClientOptions.builder().baseUrl("https://@host x"))
                .hasMessage("base URL is not an http(s) URL: \"https://***@host x\"");
        assertThatThrownBy(() -> ClientOptions.builder().baseUrl("://user:pw@x y"))
                .hasMessage("base URL is not an http(s) URL: \"://***@x y\"");
        assertThatThrownBy(() -> ClientOptions.builder().baseUrl("user:pw@x y"))
                .hasMessage("base URL is not an http(s) URL: \"***@x y\"");
        assertThatThrownBy(() -> ClientOptions.builder().baseUrl("no user here"))
                .hasMessage("base URL is not an http(s) URL: \"no user here\"");
    }
}
