package dev.latchkey.karaokemugen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.ConflictException;
import dev.latchkey.core.error.ForbiddenException;
import dev.latchkey.core.error.InvalidCodeException;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.error.ValidationException;
import dev.latchkey.karaokemugen.model.Kara;
import dev.latchkey.karaokemugen.model.NewUser;
import dev.latchkey.karaokemugen.model.ProfileEdit;
import dev.latchkey.karaokemugen.model.UserSummary;
import dev.latchkey.karaokemugen.model.UserType;
import dev.latchkey.testkit.RecordedCall;
import dev.latchkey.testkit.karaokemugen.FakeKaraokeMugen;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against the stateful fake: every command, sync and async, and the app's refusals. */
class KaraokeMugenClientTest {
    @RegisterExtension
    static FakeKaraokeMugen fake = FakeKaraokeMugen.create();

    final SessionStore store = SessionStore.inMemory();
    KaraokeMugenClient km;

    @BeforeEach
    void client() {
        km = KaraokeMugenClient.builder().baseUrl(fake.baseUrl()).sessionStore(store).build();
    }

    @AfterEach
    void close() {
        km.close();
    }

    @Test
    void resumeOrLoginLogsInOnceAmongEveryoneSharingTheStoreSyncAndAsync() throws Exception {
        // Issue 32: one login across a fleet; a refused password costs one attempt, not one per worker.
        long before = fake.calls().stream().filter(c -> c.body().contains("\"cmd\":\"login\"")).count();
        KaraokeMugenAccount first = km.resumeOrLogin(" Alice ", FakeKaraokeMugen.DEMO_PASSWORD);
        try (KaraokeMugenClient other = KaraokeMugenClient.builder().baseUrl(fake.baseUrl()).sessionStore(store)
                .build()) {
            KaraokeMugenAccount second = other.async().resumeOrLogin("alice", "not-even-read")
                    .get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(second.session()).isEqualTo(first.session());
            assertThat(second.checkAuth().username()).isEqualTo("alice");
        }
        assertThat(fake.calls().stream().filter(c -> c.body().contains("\"cmd\":\"login\"")).count())
                .isEqualTo(before + 1);
        assertThatThrownBy(() -> km.resumeOrLogin("bob", "wrong-password"))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThat(km.resume("bob")).isEmpty();
    }

    @Test
    void loginKeepsTheTokenInTheBodyAndTheStoreAndTheSecurityCodePromotes() {
        KaraokeMugenAccount alice = km.login("  Alice ", FakeKaraokeMugen.DEMO_PASSWORD);
        assertThat(alice.username()).isEqualTo("alice");
        assertThat(alice.role()).isEqualTo(UserType.USER);
        assertThat(store.load(alice.storeKey())).contains(alice.session());
        assertThat(alice.checkAuth().username()).isEqualTo("alice");
        RecordedCall check = fake.lastCall();
        assertThat(check.path()).isEqualTo("/api/command");
        assertThat(check.header("Authorization")).isEmpty();
        assertThat(check.body()).contains("\"cmd\":\"checkAuth\"").contains("\"authorization\":\"ey");
        assertThat(km.resume("alice").orElseThrow().myAccount().nickname()).isEqualTo("Alice");
        assertThatThrownBy(() -> km.login("alice", "wrong-password")).isInstanceOfSatisfying(
                InvalidCredentialsException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.providerCode()).contains("LOG_ERROR");
                    assertThat(e.getMessage()).contains("POST /api/command").contains("login:");
                });
        String code = fake.securityCode();
        KaraokeMugenAccount op = km.login("alice", FakeKaraokeMugen.DEMO_PASSWORD, code);
        assertThat(op.role()).isEqualTo(UserType.OPERATOR);
        assertThat(fake.userType("alice")).isZero();
        // The app logs bob in as a user with a used code; the client refuses that answer (research row 5).
        assertThatThrownBy(() -> km.login("bob", "bob-demo-pass", code)).isInstanceOfSatisfying(
                InvalidCodeException.class, e -> {
                    assertThat(e.providerCode()).contains("SECURITY_CODE_NOT_ACCEPTED");
                    assertThat(e.getMessage()).contains("logged 'bob' in as user, not as its operator");
                });
        assertThat(store.load(km.storeKey("bob"))).isEmpty();
        // The code travels as the number the app compares with === (row 3).
        String next = fake.securityCode();
        km.login("bob", "bob-demo-pass", next);
        assertThat(fake.lastCall().body()).contains("\"securityCode\":" + Integer.parseInt(next) + "}")
                .doesNotContain("\"" + next + "\"");
        assertThatThrownBy(() -> km.login("bob", "bob-demo-pass", "12345")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theOperatorManagesUsers() {
        KaraokeMugenAccount op = km.login(FakeKaraokeMugen.OPERATOR, FakeKaraokeMugen.OPERATOR_PASSWORD);
        op.createUser(NewUser.of("Carol", "carol-password").withNickname("Caro"));
        assertThat(op.users()).extracting(UserSummary::login).contains("carol", "bob");
        assertThat(op.user("carol").orElseThrow().nickname()).isEqualTo("Caro");
        assertThat(op.user("nobody")).isEmpty();
        op.editUser("carol", ProfileEdit.empty().nickname("Carol C.").password("carol-new-password"));
        assertThat(km.login("carol", "carol-new-password").myAccount().nickname()).isEqualTo("Carol C.");
        op.setUserType("carol", UserType.OPERATOR);
        assertThat(fake.userType("carol")).isZero();
        assertThatThrownBy(() -> op.deleteUser("admin")).isInstanceOfSatisfying(ForbiddenException.class,
                e -> assertThat(e.providerCode()).contains("USER_DELETE_ADMIN_DAMEDESU"));
        op.deleteUser("carol");
        assertThat(fake.logins()).doesNotContain("carol");
        assertThatThrownBy(() -> op.createUser(NewUser.of("alice", "long-enough-pw")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.providerCode()).contains("USER_ALREADY_EXISTS"));
    }

    @Test
    void othersAreRefusedWhatIsTheOperators() {
        KaraokeMugenAccount alice = km.login(FakeKaraokeMugen.DEMO_USER, FakeKaraokeMugen.DEMO_PASSWORD);
        assertThat(alice.users()).extracting(UserSummary::login).doesNotContain("bob");
        assertThat(alice.user("bob")).isEmpty();
        assertThatThrownBy(() -> alice.deleteUser("bob")).isInstanceOfSatisfying(ForbiddenException.class,
                e -> assertThat(e.providerCode()).contains("ADMIN_PLEASE"));
        KaraokeMugenAccount guest = km.loginGuest();
        assertThat(guest.role()).isEqualTo(UserType.GUEST);
        assertThatThrownBy(() -> guest.editMyAccount(ProfileEdit.empty().bio("hi")))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.providerCode()).contains("NOT_GUEST"));
        assertThat(guest.animeList().stream().toList()).isEmpty();
        fake.webappMode(0);
        assertThatThrownBy(alice::users).isInstanceOfSatisfying(AppClosedException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.getMessage()).contains("getUsers: the operator closed the app");
        });
    }

    @Test
    void creatingAnAccountWithoutLoggingIn() {
        assertThatThrownBy(() -> km.createUser(NewUser.of("dave", "short7!")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(411);
                    assertThat(e.providerCode()).contains("PASSWORD_TOO_SHORT");
                    assertThat(e.failedRules()).containsExactly(ValidationException.PASSWORD_POLICY);
                });
        assertThatThrownBy(() -> km.createUser(NewUser.of("da ve", "long-enough-pw")))
                .isInstanceOf(InvalidInputException.class);
        fake.requireSecurityCodeForNewAccounts(true);
        assertThatThrownBy(() -> km.createUser(NewUser.of("dave", "long-enough-pw").withSecurityCode("000000")))
                .isInstanceOf(InvalidCodeException.class);
        km.createUser(NewUser.of("dave", "long-enough-pw").withSecurityCode(fake.securityCode()));
        assertThat(km.login("dave", "long-enough-pw").username()).isEqualTo("dave");
        fake.allowUserCreation(false);
        assertThatThrownBy(() -> km.createUser(NewUser.of("erin", "long-enough-pw")))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.providerCode()).contains("USER_CREATION_DISABLED"));
    }

    @Test
    void aPasswordIsResetWithTheSecurityCode() {
        assertThatThrownBy(() -> km.resetUserPassword("alice", "brand-new-pw", "000000"))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("resetUserPassword: wrong security code");
                });
        km.resetUserPassword("alice", "brand-new-pw", fake.securityCode());
        assertThat(km.login("alice", "brand-new-pw").username()).isEqualTo("alice");
    }

    @Test
    void myAccountEditsWithAnAvatarAndDeletion() {
        KaraokeMugenAccount alice = km.login(FakeKaraokeMugen.DEMO_USER, FakeKaraokeMugen.DEMO_PASSWORD);
        alice.editMyAccount(ProfileEdit.empty().nickname("Ali").bio("I sing")
                .avatar(new ProfileEdit.Avatar("me.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png")));
        var me = alice.myAccount();
        assertThat(me.nickname()).isEqualTo("Ali");
        assertThat(me.bio()).isEqualTo("I sing");
        assertThat(me.avatarFile()).isNotEqualTo("blank.png");
        RecordedCall upload = fake.calls().stream().filter(c -> c.path().equals("/api/importFile")).findFirst()
                .orElseThrow();
        assertThat(upload.header("authorization")).contains(alice.session().token("token").orElseThrow());
        assertThatThrownBy(() -> alice.editMyAccount(ProfileEdit.empty().nickname("Bob")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> alice.editMyAccount(ProfileEdit.empty().password("short")))
                .isInstanceOf(ValidationException.class);
        String key = alice.storeKey();
        alice.deleteMyAccount();
        assertThat(store.load(key)).isEmpty();
        assertThat(fake.logins()).doesNotContain("alice");
    }

    @Test
    void aDeletedUsersTokenIsUnauthorized() {
        KaraokeMugenAccount bob = km.login("bob", "bob-demo-pass");
        km.login(FakeKaraokeMugen.OPERATOR, FakeKaraokeMugen.OPERATOR_PASSWORD).deleteUser("bob");
        assertThatThrownBy(bob::myAccount).isInstanceOfSatisfying(UnauthorizedException.class,
                e -> assertThat(e.getMessage()).contains("no longer exists"));
    }

    @Test
    void localToOnlineAndBackSwapsTheSessionAndTheAnimeListPages() {
        KaraokeMugenAccount alice = km.login(FakeKaraokeMugen.DEMO_USER, FakeKaraokeMugen.DEMO_PASSWORD);
        List<Kara> songs = alice.animeList().stream().toList();
        assertThat(songs).hasSize(FakeKaraokeMugen.DEMO_ANIME_LIST_SIZE);
        assertThat(alice.animeListPage(7, 0).autoPager().stream().map(Kara::kid).toList())
                .isEqualTo(songs.stream().map(Kara::kid).toList());
        assertThat(songs.get(0).title()).isEqualTo("Song 1");
        assertThat(songs.get(0).series()).containsExactly("Anime 1");
        String localKey = alice.storeKey();
        alice.convertToOnline(FakeKaraokeMugen.INSTANCE, FakeKaraokeMugen.DEMO_PASSWORD);
        assertThat(alice.username()).isEqualTo("alice@kara.moe");
        assertThat(alice.online()).isTrue();
        assertThat(alice.session().token("onlineToken")).isPresent();
        assertThat(store.load(localKey)).isEmpty();
        assertThat(store.load(alice.storeKey())).contains(alice.session());
        assertThat(alice.myAccount().login()).isEqualTo("alice@kara.moe");
        alice.refreshAnimeList();
        assertThat(alice.animeList().stream().count()).isZero(); // a new online account's list is empty
        assertThatThrownBy(() -> alice.convertToLocal("not-my-secret")).isInstanceOfSatisfying(
                dev.latchkey.core.error.ServerException.class, e -> {
                    assertThat(e.providerCode()).contains("USER_DELETE_ERROR_ONLINE");
                    assertThat(e.getMessage()).contains("a wrong password is the usual cause");
                });
        assertThat(alice.username()).isEqualTo("alice@kara.moe");
        alice.convertToLocal(FakeKaraokeMugen.DEMO_PASSWORD);
        assertThat(alice.username()).isEqualTo("alice");
        assertThat(alice.session().token("onlineToken")).isEmpty();
        assertThat(alice.myAccount().login()).isEqualTo("alice");
        // The app hashes the stored hash again; the client sets the password back with the new token (row 19).
        assertThat(km.login("alice", FakeKaraokeMugen.DEMO_PASSWORD).username()).isEqualTo("alice");
        // An online account logs in through its instance and gets its list from there.
        KaraokeMugenAccount axel = km.login("axel@kara.moe", FakeKaraokeMugen.ONLINE_PASSWORD);
        axel.refreshAnimeList();
        assertThat(axel.animeList().stream().count()).isEqualTo(20);
    }

    @Test
    void aConversionThroughAViewMovesTheOriginalAccountToo() throws Exception {
        // Issue 28, bug 2: after alice.withRequestOptions(o).convertToOnline(...), the view was alice@kara.moe and
        // alice.username() threw "logged out or closed". One holder, shared and moved, sync and async.
        KaraokeMugenAccount alice = km.login(FakeKaraokeMugen.DEMO_USER, FakeKaraokeMugen.DEMO_PASSWORD);
        KaraokeMugenAccount view = alice.withRequestOptions(dev.latchkey.core.RequestOptions.builder()
                .timeout(java.time.Duration.ofSeconds(30)).build());
        view.convertToOnline(FakeKaraokeMugen.INSTANCE, FakeKaraokeMugen.DEMO_PASSWORD);
        assertThat(alice.username()).isEqualTo("alice@kara.moe");
        assertThat(alice.storeKey()).isEqualTo(view.storeKey()).isEqualTo(km.storeKey("alice@kara.moe"));
        assertThat(alice.myAccount().login()).isEqualTo("alice@kara.moe");
        alice.withResponse(a -> {
            a.async().convertToLocal(FakeKaraokeMugen.DEMO_PASSWORD).join();
            return null;
        });
        assertThat(alice.username()).isEqualTo("alice");
        assertThat(view.username()).isEqualTo("alice");
        assertThat(store.load(km.storeKey("alice@kara.moe"))).isEmpty();
        assertThat(store.load(km.storeKey("alice"))).contains(alice.session());
    }

    @Test
    void theAsyncTwinsDoTheSame() throws Exception {
        KaraokeMugenAccount alice = km.async().login(FakeKaraokeMugen.DEMO_USER, FakeKaraokeMugen.DEMO_PASSWORD)
                .get(10, TimeUnit.SECONDS);
        assertThat(alice.async().myAccount().get(10, TimeUnit.SECONDS).login()).isEqualTo("alice");
        assertThat(alice.async().animeList().collect(100).get(10, TimeUnit.SECONDS)).hasSize(30);
        alice.async().editMyAccount(ProfileEdit.empty().bio("async")).get(10, TimeUnit.SECONDS);
        assertThat(alice.myAccount().bio()).isEqualTo("async");
        alice.async().convertToOnline(FakeKaraokeMugen.INSTANCE, FakeKaraokeMugen.DEMO_PASSWORD)
                .get(10, TimeUnit.SECONDS);
        assertThat(alice.username()).isEqualTo("alice@kara.moe");
        var refused = km.async().login("alice@kara.moe", "nope-nope-nope");
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(InvalidCredentialsException.class);
        var bad = km.async().createUser(null);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidInputException.class);
    }

    @Test
    void plainHttpOnTheLanNeedsTheOptIn() {
        assertThatThrownBy(() -> KaraokeMugenClient.builder().baseUrl("http://192.168.1.20:1337").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("opt-in");
        try (KaraokeMugenClient lan = KaraokeMugenClient.builder().baseUrl("http://192.168.1.20:1337")
                .options(o -> o.allowPlainHttpOnPrivateNetwork(true)).build()) {
            assertThat(lan.baseUrl().toString()).isEqualTo("http://192.168.1.20:1337/");
        }
        assertThatThrownBy(() -> KaraokeMugenClient.builder().baseUrl("http://203.0.113.7:1337")
                .options(o -> o.allowPlainHttpOnPrivateNetwork(true)).build()).isInstanceOf(InvalidInputException.class);
        try (KaraokeMugenClient local = KaraokeMugenClient.builder().build()) {
            assertThat(local.baseUrl().toString()).isEqualTo("http://localhost:1337/");
        }
    }

    static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyAsyncTwinDoesWhatItsSyncOriginalDoes() throws Exception {
        KaraokeMugenClientAsync async = km.async();
        KaraokeMugenAccount op = await(async.login(FakeKaraokeMugen.OPERATOR, FakeKaraokeMugen.OPERATOR_PASSWORD,
                fake.securityCode()));
        assertThat(op.role()).isEqualTo(UserType.OPERATOR);
        KaraokeMugenAccountAsync opa = op.async();
        assertThat(await(opa.checkAuth()).username()).isEqualTo(FakeKaraokeMugen.OPERATOR);
        await(opa.createUser(NewUser.of("dora", "dora-password").withType(UserType.USER)));
        assertThat(await(opa.users())).extracting(UserSummary::login).contains("dora");
        assertThat(await(opa.user("dora"))).hasValueSatisfying(u -> assertThat(u.online()).isFalse());
        await(opa.editUser("dora", ProfileEdit.empty().nickname("Dory").bio("a bio").url("https://dora.example")
                .email("dora@dora.example").language("fr").location("Paris").publicProfile(true)));
        assertThat(op.user("dora").orElseThrow().nickname()).isEqualTo("Dory");
        assertThat(await(async.user("dora"))).hasValueSatisfying(u -> assertThat(u.nickname()).isEqualTo("Dory"));
        await(opa.setUserType("dora", UserType.GUEST));
        assertThat(fake.userType("dora")).isEqualTo(2);
        await(opa.deleteUser("dora"));
        assertThat(op.user("dora")).isEmpty();
        assertThat(await(opa.request("checkAuth", java.util.Map.of())).toString()).contains(FakeKaraokeMugen.OPERATOR);
        // Without a session the app refuses it: the client's escape hatch sends no token.
        assertThat(async.request("checkAuth", java.util.Map.of())).failsWithin(10, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(UnauthorizedException.class);

        assertThat(await(async.loginGuest()).role()).isEqualTo(UserType.GUEST);
        await(async.createUser(NewUser.of("erin", "erin-password")));
        KaraokeMugenAccount erin = await(async.login("erin", "erin-password"));
        await(erin.async().editMyAccount(ProfileEdit.empty().nickname("Eri")));
        assertThat(await(erin.async().myAccount()).nickname()).isEqualTo("Eri");
        await(async.resetUserPassword("erin", "erin-password-2", fake.securityCode()));
        KaraokeMugenAccount erin2 = km.login("erin", "erin-password-2");
        await(erin2.async().convertToOnline(FakeKaraokeMugen.INSTANCE, "erin-password-2"));
        assertThat(erin2.username()).isEqualTo("erin@" + FakeKaraokeMugen.INSTANCE);
        assertThat(erin2.myAccount().online()).isTrue();
        await(erin2.async().refreshAnimeList()); // an online account's, with its online token
        await(erin2.async().convertToLocal("erin-password-2"));
        assertThat(erin2.username()).isEqualTo("erin");
        await(erin2.async().deleteMyAccount());
        assertThat(op.user("erin")).isEmpty();
    }

    @Test
    void perCallOptionsAndTheRawAnswerOnClientAndAccount() throws Exception {
        KaraokeMugenAccount alice = km.login(FakeKaraokeMugen.DEMO_USER, FakeKaraokeMugen.DEMO_PASSWORD);
        dev.latchkey.core.RequestOptions traced = dev.latchkey.core.RequestOptions.builder().header("X-Trace", "k-1")
                .build();
        assertThat(alice.withRequestOptions(traced).checkAuth().username()).isEqualTo(FakeKaraokeMugen.DEMO_USER);
        assertThat(fake.lastCall().header("X-Trace")).contains("k-1");
        assertThat(km.withRequestOptions(traced).user(FakeKaraokeMugen.DEMO_USER)).isNotNull();
        assertThat(fake.lastCall().header("X-Trace")).contains("k-1");
        var me = alice.withResponse(KaraokeMugenAccount::myAccount);
        assertThat(me.value().login()).isEqualTo(FakeKaraokeMugen.DEMO_USER);
        assertThat(me.response().orElseThrow().status()).isEqualTo(200);
        assertThat(await(alice.async().withResponse(a -> a.myAccount())).response().orElseThrow().status())
                .isEqualTo(200);
        assertThat(km.withResponse(c -> c.user("nobody-here")).response().orElseThrow().status()).isEqualTo(404);
        assertThat(await(km.async().withResponse(a -> a.loginGuest())).value().role()).isEqualTo(UserType.GUEST);
        assertThat(alice.toString()).contains(FakeKaraokeMugen.DEMO_USER)
                .doesNotContain(alice.session().token("authorization").orElse("no-token-here"));
    }

    @Test
    void userTypesReadAsTheAppNamesThem() {
        assertThat(List.of(UserType.OPERATOR, UserType.USER, UserType.GUEST)).extracting(UserType::role)
                .containsExactly("admin", "user", "guest");
        assertThat(UserType.OPERATOR.value()).isEqualTo("0");
        assertThat(UserType.GUEST.toString()).isEqualTo("guest");
        assertThat(UserType.of(7).toString()).isEqualTo("type 7");
        assertThat(UserType.of(7).role()).isEqualTo("user");
        assertThat(UserType.of(7).known()).isEmpty();
        assertThat(NewUser.of("fay", "fay-password").withType(UserType.GUEST).toString()).doesNotContain("fay-password");
        assertThat(ProfileEdit.empty().password("a-new-secret").toString()).doesNotContain("a-new-secret");
    }
}
