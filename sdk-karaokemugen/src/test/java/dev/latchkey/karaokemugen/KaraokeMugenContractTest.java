package dev.latchkey.karaokemugen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.auth.Credentials;
import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.testing.contract.ProviderContract;
import dev.latchkey.karaokemugen.model.NewUser;
import dev.latchkey.karaokemugen.model.ProfileEdit;
import dev.latchkey.karaokemugen.model.UserType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The provider contract suite over every public Karaoke Mugen call, sync and async. */
class KaraokeMugenContractTest extends ProviderContract {
    static final String PASSWORD = "Pw-3c8e1a7f5d";
    static final String NEW_PASSWORD = "Pw-new-9b2d4f61";
    static final String TOKEN = "tok.4e7a1c9f.b2d8";
    static final String ONLINE_TOKEN = "onl.8f2c6e1a.d9b3";
    static final String CODE = "482913";

    @Test
    void everyPublicAsyncMethodIsAContractCall() {
        try (Subject subject = subject("http://127.0.0.1:9", new OkHttpClient(), b -> { })) {
            assertThat(asyncMethodsWithoutACall(subject)).isEmpty();
        }
    }

    @Override
    protected Subject subject(String baseUrl, OkHttpClient http, Consumer<ClientOptions.Builder> options) {
        return new KaraokeMugenSubject(baseUrl, http, options);
    }

    static final class KaraokeMugenSubject implements Subject {
        final SessionStore store = SessionStore.inMemory();
        final KaraokeMugenClient client;
        final String key;
        final Session session;
        KaraokeMugenAccount account;

        KaraokeMugenSubject(String baseUrl, OkHttpClient http, Consumer<ClientOptions.Builder> options) {
            client = KaraokeMugenClient.builder().baseUrl(baseUrl).httpClient(http).sessionStore(store)
                    .options(options).build();
            key = client.storeKey("alice");
            session = Session.builder("karaokemugen").token("token", TOKEN).token("onlineToken", ONLINE_TOKEN)
                    .attribute("username", "alice").attribute("role", "user").build();
            restore();
        }

        void restore() {
            // A conversion that succeeded moved the session to another key: every case starts from alice's.
            store.delete(client.storeKey("alice@kara.moe"));
            store.delete(client.storeKey("alice@x"));
            store.save(key, session);
            account = client.resume("alice").orElseThrow();
        }

        /** The same user as an online account, for the conversion back to local. */
        KaraokeMugenAccount onlineAccount() {
            store.save(client.storeKey("alice@kara.moe"), session.toBuilder().attribute("username", "alice@kara.moe")
                    .build());
            return client.resume("alice@kara.moe").orElseThrow();
        }

        static ProfileEdit edit() {
            return ProfileEdit.empty().nickname("Ali").password(NEW_PASSWORD);
        }

        static ProfileEdit withAvatar() {
            return ProfileEdit.empty().bio("hi").avatar(new ProfileEdit.Avatar("me.png", new byte[] {1, 2, 3},
                    "image/png"));
        }

        @Override
        public List<ContractCall> calls() {
            List<ContractCall> c = new ArrayList<>();
            NewUser carol = NewUser.of("carol", PASSWORD).withSecurityCode(CODE);
            c.add(ContractCall.sync("login", () -> client.login("alice", PASSWORD)));
            // Another login: alice's session is in the store, and would be resumed without a call.
            c.add(ContractCall.sync("resumeOrLogin", () -> client.resumeOrLogin("bob", PASSWORD)));
            c.add(ContractCall.sync("login(Credentials)", () -> client.login(Credentials.of("alice", PASSWORD))));
            c.add(ContractCall.sync("login(code)", () -> client.login("alice", PASSWORD, CODE)));
            c.add(ContractCall.sync("loginGuest", client::loginGuest));
            c.add(ContractCall.sync("createUser", () -> {
                client.createUser(carol);
                return null;
            }));
            c.add(ContractCall.sync("resetUserPassword", () -> {
                client.resetUserPassword("alice", NEW_PASSWORD, CODE);
                return null;
            }));
            c.add(ContractCall.sync("user", () -> client.user("bob")));
            c.add(ContractCall.sync("request", () -> client.request("getKaras", Map.of("from", 0))));
            c.add(ContractCall.sync("account.checkAuth", () -> account.checkAuth()));
            c.add(ContractCall.sync("account.users", () -> account.users()));
            c.add(ContractCall.sync("account.user", () -> account.user("bob")));
            c.add(ContractCall.sync("account.createUser", () -> {
                account.createUser(carol);
                return null;
            }));
            c.add(ContractCall.sync("account.editUser", () -> {
                account.editUser("bob", edit());
                return null;
            }));
            c.add(ContractCall.sync("account.setUserType", () -> {
                account.setUserType("bob", UserType.OPERATOR);
                return null;
            }));
            c.add(ContractCall.sync("account.deleteUser", () -> {
                account.deleteUser("bob");
                return null;
            }));
            c.add(ContractCall.sync("account.myAccount", () -> account.myAccount()));
            c.add(ContractCall.sync("account.editMyAccount", () -> {
                account.editMyAccount(edit());
                return null;
            }));
            c.add(ContractCall.sync("account.editMyAccount(avatar)", () -> {
                account.editMyAccount(withAvatar());
                return null;
            }));
            c.add(ContractCall.sync("account.deleteMyAccount", () -> {
                account.deleteMyAccount();
                return null;
            }));
            c.add(ContractCall.sync("account.convertToOnline", () -> {
                account.convertToOnline("kara.moe", PASSWORD);
                return null;
            }));
            c.add(ContractCall.sync("account.convertToLocal", () -> {
                onlineAccount().convertToLocal(PASSWORD);
                return null;
            }));
            c.add(ContractCall.sync("account.refreshAnimeList", () -> {
                account.refreshAnimeList();
                return null;
            }));
            c.add(ContractCall.sync("account.animeList", () -> account.animeList()));
            c.add(ContractCall.sync("account.animeListPage", () -> account.animeListPage(5, 0).autoPager()));
            c.add(ContractCall.sync("account.request", () -> account.request("getFavorites", null)));
            c.add(ContractCall.async("client.withResponse", () -> client.async().withResponse(a -> a.login("alice", PASSWORD))));
            c.add(ContractCall.async("account.withResponse", () -> account.async().withResponse(a -> a.users())));
            c.add(ContractCall.async("login", () -> client.async().login("alice", PASSWORD)));
            c.add(ContractCall.async("resumeOrLogin", () -> client.async().resumeOrLogin("bob", PASSWORD)));
            c.add(ContractCall.async("login(Credentials)", () -> client.async().login(Credentials.of("alice",
                    PASSWORD))));
            c.add(ContractCall.async("login(code)", () -> client.async().login("alice", PASSWORD, CODE)));
            c.add(ContractCall.async("loginGuest", () -> client.async().loginGuest()));
            c.add(ContractCall.async("createUser", () -> client.async().createUser(carol)));
            c.add(ContractCall.async("resetUserPassword", () -> client.async().resetUserPassword("alice",
                    NEW_PASSWORD, CODE)));
            c.add(ContractCall.async("user", () -> client.async().user("bob")));
            c.add(ContractCall.async("request", () -> client.async().request("getKaras", Map.of("from", 0))));
            c.add(ContractCall.async("account.checkAuth", () -> account.async().checkAuth()));
            c.add(ContractCall.async("account.users", () -> account.async().users()));
            c.add(ContractCall.async("account.user", () -> account.async().user("bob")));
            c.add(ContractCall.async("account.createUser", () -> account.async().createUser(carol)));
            c.add(ContractCall.async("account.editUser", () -> account.async().editUser("bob", withAvatar())));
            c.add(ContractCall.async("account.setUserType", () -> account.async().setUserType("bob",
                    UserType.USER)));
            c.add(ContractCall.async("account.deleteUser", () -> account.async().deleteUser("bob")));
            c.add(ContractCall.async("account.myAccount", () -> account.async().myAccount()));
            c.add(ContractCall.async("account.editMyAccount", () -> account.async().editMyAccount(edit())));
            c.add(ContractCall.async("account.deleteMyAccount", () -> account.async().deleteMyAccount()));
            c.add(ContractCall.async("account.convertToOnline", () -> account.async().convertToOnline("kara.moe",
                    PASSWORD)));
            c.add(ContractCall.async("account.convertToLocal", () -> onlineAccount().async()
                    .convertToLocal(PASSWORD)));
            c.add(ContractCall.async("account.refreshAnimeList", () -> account.async().refreshAnimeList()));
            c.add(ContractCall.async("account.animeList", () -> account.async().animeList().collect(1000)));
            c.add(ContractCall.async("account.animeListPage", () -> dev.latchkey.core.Async.compose(
                    account.async().animeListPage(5, 0), p -> p.autoPagerAsync().collect(1000))));
            c.add(ContractCall.async("account.request", () -> account.async().request("getFavorites", null)));
            return c;
        }

        @Override
        public List<String> secrets() {
            return List.of(PASSWORD, NEW_PASSWORD, TOKEN, ONLINE_TOKEN, CODE);
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
            if (type == NewUser.class) {
                return Optional.of(NewUser.of("carol", PASSWORD));
            }
            if (type == ProfileEdit.class) {
                return Optional.of(ProfileEdit.empty().bio("x"));
            }
            if (type == UserType.class) {
                return Optional.of(UserType.USER);
            }
            if (type == Credentials.class) {
                return Optional.of(Credentials.of("alice", PASSWORD));
            }
            if (type == String.class) {
                return Optional.of("482913"); // a valid login and a valid security code
            }
            return Optional.empty();
        }

        @Override
        public boolean nullable(Method method, int index) {
            // The escape hatch's body is optional.
            return method.getName().equals("request") && index == 1;
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
