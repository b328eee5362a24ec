package dev.latchkey.eternaltwin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.oauth.AuthorizationCallback;
import dev.latchkey.core.testing.contract.ProviderContract;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The provider contract suite over every public Eternaltwin call, sync and async. */
class EternaltwinContractTest extends ProviderContract {
    static final String CLIENT_SECRET = "cs-8e2f41a9c7d3b605";
    static final String CODE = "code-5b9d03e7f1a2c846";
    static final String TOKEN = "tok-71c4e9a2d0b3f658";
    static final String USER_ID = "0d8d5067-5954-4930-94be-c1d09bf71903";
    static final byte[] STATE_KEY = "contract-state-key-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyPublicAsyncMethodIsAContractCall() {
        try (Subject subject = subject("http://127.0.0.1:9", new OkHttpClient(), b -> { })) {
            assertThat(asyncMethodsWithoutACall(subject)).isEmpty();
        }
    }

    @Override
    protected Subject subject(String baseUrl, OkHttpClient http, Consumer<ClientOptions.Builder> options) {
        return new EternaltwinSubject(baseUrl, http, options);
    }

    static final class EternaltwinSubject implements Subject {
        final SessionStore store = SessionStore.inMemory();
        final EternaltwinClient client;
        final String key;
        final Session session;
        /** The states handed out in this case, and the PKCE verifiers they imply: secrets too. */
        final List<String> issued = new CopyOnWriteArrayList<>();
        EternaltwinAccount account;

        EternaltwinSubject(String baseUrl, OkHttpClient http, Consumer<ClientOptions.Builder> options) {
            client = EternaltwinClient.builder().baseUrl(baseUrl).httpClient(http).sessionStore(store)
                    .options(options).clientId("latchkey_demo@clients").clientSecret(CLIENT_SECRET)
                    .redirectUri("http://127.0.0.1:50321/oauth/callback").stateKey(STATE_KEY).build();
            key = client.storeKey(USER_ID);
            session = Session.builder("eternaltwin").token("access_token", TOKEN).attribute("user_id", USER_ID)
                    .attribute("display_name", "Alice").build();
            restore();
        }

        void restore() {
            // Each case checks the states it issued itself: the list must not grow with the whole suite, or every
            // leak check would scan for hundreds of states.
            issued.clear();
            store.save(key, session);
            account = client.resume(USER_ID).orElseThrow();
        }

        /** A fresh state for each call: a state is accepted once. */
        String state() {
            String state = client.startAuthorization(Duration.ofMinutes(10), null).state();
            issued.add(state);
            issued.add(verifierOf(state));
            return state;
        }

        static String verifierOf(String state) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(STATE_KEY, "HmacSHA256"));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(("pkce:" + state)
                        .getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        AuthorizationCallback callback(String state) {
            return new AuthorizationCallback(Map.of("code", CODE, "state", state));
        }

        @Override
        public List<ContractCall> calls() {
            List<ContractCall> c = new ArrayList<>();
            c.add(ContractCall.sync("fromAuthorizationCode", () -> {
                String s = state();
                return client.fromAuthorizationCode(CODE, s, s);
            }));
            c.add(ContractCall.sync("fromCallback", () -> {
                String s = state();
                return client.fromCallback(callback(s), s);
            }));
            c.add(ContractCall.sync("fromToken", () -> client.fromToken(TOKEN)));
            c.add(ContractCall.sync("user", () -> client.user(USER_ID)));
            c.add(ContractCall.sync("search", () -> client.search("user").autoPager()));
            c.add(ContractCall.sync("search(limit, offset)", () -> client.search("user", 2, 1).autoPager()));
            c.add(ContractCall.sync("count", () -> client.count("user")));
            c.add(ContractCall.sync("count()", client::count));
            c.add(ContractCall.sync("request", () -> client.request("GET", "/api/v1/users", Map.of("q", "x"), null,
                    Object.class)));
            c.add(ContractCall.sync("account.self", () -> account.self()));
            c.add(ContractCall.sync("account.request", () -> account.request("GET", "/api/v1/auth/self",
                    Object.class)));
            c.add(ContractCall.async("client.withResponse", () -> client.async().withResponse(a -> a.fromToken(TOKEN))));
            c.add(ContractCall.async("account.withResponse", () -> account.async().withResponse(a -> a.self())));
            c.add(ContractCall.async("fromAuthorizationCode", () -> {
                String s = state();
                return client.async().fromAuthorizationCode(CODE, s, s);
            }));
            c.add(ContractCall.async("fromCallback", () -> {
                String s = state();
                return client.async().fromCallback(callback(s), s);
            }));
            c.add(ContractCall.async("fromToken", () -> client.async().fromToken(TOKEN)));
            c.add(ContractCall.async("user", () -> client.async().user(USER_ID)));
            c.add(ContractCall.async("search", () -> dev.latchkey.core.Async.compose(
                    client.async().search("user"), p -> p.autoPagerAsync().collect(1000))));
            c.add(ContractCall.async("search(limit, offset)", () -> dev.latchkey.core.Async.compose(
                    client.async().search("user", 2, 1), p -> p.autoPagerAsync().collect(1000))));
            c.add(ContractCall.async("count", () -> client.async().count("user")));
            c.add(ContractCall.async("count()", () -> client.async().count()));
            c.add(ContractCall.async("request", () -> client.async().request("GET", "/api/v1/users",
                    Map.of("q", "x"), null, Object.class)));
            c.add(ContractCall.async("account.self", () -> account.async().self()));
            c.add(ContractCall.async("account.request", () -> account.async().request("GET", "/api/v1/auth/self",
                    Object.class)));
            return c;
        }

        @Override
        public List<String> secrets() {
            List<String> all = new ArrayList<>(List.of(CLIENT_SECRET, CODE, TOKEN));
            all.addAll(issued);
            return all;
        }

        @Override
        public Object sessionState() {
            return heldAndStored(() -> account.session(), store.load(key));
        }

        @Override
        public void restoreSession() {
            restore();
        }

        @Override
        public List<Object> apiObjects() {
            return List.of(client, client.async(), account, account.async());
        }

        @Override
        public Optional<Object> sample(Class<?> type) {
            if (type == AuthorizationCallback.class) {
                return Optional.of(callback("st"));
            }
            if (type == String.class) {
                return Optional.of(USER_ID); // a valid id where one is asked; elsewhere refused before sending
            }
            return Optional.empty();
        }

        @Override
        public boolean nullable(Method method, int index) {
            String name = method.getName();
            // The escape hatch's query and body, a search's or count's query, a login's nonce are optional.
            return name.equals("request") && method.getParameterCount() == 5 && (index == 2 || index == 3)
                    || (name.equals("search") || name.equals("count")) && index == 0
                    || name.equals("startAuthorization") && index == 1;
        }

        @Override
        public void close() {
            client.close();
        }
    }

}
