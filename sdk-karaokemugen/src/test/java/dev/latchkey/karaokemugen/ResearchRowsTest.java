package dev.latchkey.karaokemugen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.ConflictException;
import dev.latchkey.core.error.ForbiddenException;
import dev.latchkey.core.error.InvalidCodeException;
import dev.latchkey.core.error.InvalidInputException;
import dev.latchkey.core.error.InvalidResponseException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.core.error.UnauthorizedException;
import dev.latchkey.core.testing.LoopbackServers;
import dev.latchkey.karaokemugen.model.AuthInfo;
import dev.latchkey.karaokemugen.model.NewUser;
import dev.latchkey.karaokemugen.model.ProfileEdit;
import dev.latchkey.karaokemugen.model.User;
import dev.latchkey.karaokemugen.model.UserSummary;
import dev.latchkey.karaokemugen.model.UserType;
import dev.latchkey.testkit.RecordedCall;
import dev.latchkey.testkit.karaokemugen.FakeKaraokeMugen;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client against what the real app does, one test per row of the research table
 * ({@code shared/research/real-servers/karaokemugen.md}; the README's "Against the real app" lists each row with its
 * test or decision). The fake follows the app's source (karaokemugen-app @ e77b334), so most rows run against it;
 * the rest against answers scripted exactly as the source builds them.
 */
class ResearchRowsTest {
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

    KaraokeMugenAccount alice() {
        return km.login(FakeKaraokeMugen.DEMO_USER, FakeKaraokeMugen.DEMO_PASSWORD);
    }

    KaraokeMugenAccount operator() {
        return km.login(FakeKaraokeMugen.OPERATOR, FakeKaraokeMugen.OPERATOR_PASSWORD);
    }

    @Test
    void row1ANullTemporaryFlagIsFalseAndFailsNothing() {
        KaraokeMugenAccount op = operator();
        List<UserSummary> users = op.users();
        assertThat(users).isNotEmpty().allSatisfy(u -> assertThat(u.temporary()).isFalse());
        assertThat(users).filteredOn(u -> u.login().equals("guest-akari")).singleElement()
                .satisfies(u -> assertThat(u.type()).contains(UserType.GUEST));
        User me = op.myAccount();
        assertThat(me.temporary()).isFalse();
        assertThat(op.user("alice")).hasValueSatisfying(u -> assertThat(u.temporary()).isFalse());
        assertThat(alice().myAccount().type()).contains(UserType.USER);
    }

    @Test
    void row2ALocalAccountsCheckHasNoOnlineAnswer() {
        AuthInfo local = alice().checkAuth();
        assertThat(local.username()).isEqualTo("alice");
        assertThat(local.role()).isEqualTo("user");
        assertThat(local.onlineAvailable()).isEmpty();
        KaraokeMugenAccount axel = km.login("axel@kara.moe", FakeKaraokeMugen.ONLINE_PASSWORD);
        assertThat(axel.checkAuth().onlineAvailable()).contains(true);
    }

    @Test
    void row3TheSecurityCodeTravelsAsANumberAndPromotes() {
        String code = fake.securityCode();
        KaraokeMugenAccount op = km.login("alice", FakeKaraokeMugen.DEMO_PASSWORD, code);
        assertThat(op.role()).isEqualTo(UserType.OPERATOR);
        assertThat(fake.userType("alice")).isZero();
        fake.requireSecurityCodeForNewAccounts(true);
        km.createUser(NewUser.of("gil", "gil-password").withSecurityCode(fake.securityCode()));
        assertThat(fake.lastCall().body()).contains("\"securityCode\":" + Integer.parseInt(fake.securityCode()));
        // row 11: the separate new-account code is accepted too
        km.createUser(NewUser.of("hana", "hana-password").withSecurityCode(fake.newAccountCode()));
        assertThat(fake.logins()).contains("gil", "hana");
    }

    @Test
    void row4AnOperatorsNewAccountIsTheTypeAskedFor() throws Exception {
        KaraokeMugenAccount op = operator();
        op.createUser(NewUser.of("carol", "carol-password"));
        assertThat(fake.userType("carol")).as("the app made an operator; the client made it a user").isEqualTo(1);
        op.createUser(NewUser.of("dora", "dora-password").withType(UserType.OPERATOR));
        assertThat(fake.userType("dora")).isZero();
        op.async().createUser(NewUser.of("erin", "erin-password").withType(UserType.USER)).get(10, TimeUnit.SECONDS);
        assertThat(fake.userType("erin")).isEqualTo(1);
        // Someone who is not the operator gets a user: the app keeps no type of theirs (row 10).
        KaraokeMugenAccount alice = alice();
        alice.createUser(NewUser.of("fred", "fred-password"));
        assertThat(fake.userType("fred")).isEqualTo(1);
        assertThatThrownBy(() -> alice.createUser(NewUser.of("gus", "gus-password").withType(UserType.OPERATOR)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("only the operator's createUser");
        assertThat(fake.logins()).doesNotContain("gus");
    }

    /** The app answers as it does when the type cannot be set: the account is deleted again, and said. */
    @Test
    void row4AnUnaskedOperatorWhoseTypeCannotBeSetIsDeletedAgain() throws Exception {
        for (boolean deleteWorks : new boolean[] {true, false}) {
            List<String> commands = new ArrayList<>();
            try (MockWebServer app = LoopbackServers.newServer()) {
                app.setDispatcher(new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest r) {
                        String body = r.getBody() == null ? "" : r.getBody().utf8();
                        String cmd = body.replaceAll("(?s).*\"cmd\":\"([a-zA-Z]+)\".*", "$1");
                        commands.add(cmd);
                        if (cmd.equals("login")) {
                            return json(200, "{\"err\":false,\"data\":{\"token\":\"eyJhbGciOiJIUzI1NiJ9.e30.x\","
                                    + "\"username\":\"admin\",\"role\":\"admin\"}}");
                        }
                        if (cmd.equals("createUser") || cmd.equals("deleteUser") && deleteWorks) {
                            return json(200, "{\"err\":false,\"data\":{\"code\":200,\"message\":{\"code\":\"OK\"}}}");
                        }
                        return json(500, "{\"err\":true,\"data\":{\"code\":500,\"message\":{\"code\":"
                                + "\"USER_EDIT_ERROR\"}}}");
                    }
                });
                app.start();
                try (KaraokeMugenClient c = KaraokeMugenClient.builder().baseUrl(app.url("/").toString()).build()) {
                    KaraokeMugenAccount op = c.login("admin", "admin-password");
                    assertThatThrownBy(() -> op.createUser(NewUser.of("carol", "carol-password")))
                            .isExactlyInstanceOf(LatchkeyException.class)
                            .hasMessageContaining("made 'carol' an operator")
                            .hasMessageContaining(deleteWorks ? "deleted again" : "delete it or set its type by hand")
                            .hasCauseInstanceOf(ServerException.class);
                    assertThat(commands).containsExactly("login", "createUser", "editUser", "deleteUser");
                    commands.clear();
                    assertThatThrownBy(() -> op.async().createUser(NewUser.of("carol", "carol-password"))
                            .get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                            .cause().isExactlyInstanceOf(LatchkeyException.class)
                            .hasMessageContaining(deleteWorks ? "deleted again" : "by hand");
                    assertThat(commands).containsExactly("createUser", "editUser", "deleteUser");
                }
            }
        }
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }

    @Test
    void row5AWrongCodeAtLoginIsAnInvalidCodeNotASilentUserSession() {
        String wrong = String.format("%06d", (Integer.parseInt(fake.securityCode()) + 1) % 1_000_000);
        assertThatThrownBy(() -> km.login("alice", FakeKaraokeMugen.DEMO_PASSWORD, wrong))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> {
                    assertThat(e.providerCode()).contains("SECURITY_CODE_NOT_ACCEPTED");
                    assertThat(e.getMessage()).contains("ask the operator for the current one");
                });
        assertThat(store.load(km.storeKey("alice"))).isEmpty();
        assertThat(fake.userType("alice")).isEqualTo(1);
    }

    @Test
    void row6AForgedTokenSaysWhatToDo() {
        KaraokeMugenAccount alice = alice();
        String token = alice.session().token("token").orElseThrow();
        store.save(alice.storeKey(), alice.session().toBuilder().token("token", token.substring(0, token.length() - 2)
                + "xx").build());
        KaraokeMugenAccount forged = km.resume("alice").orElseThrow();
        assertThatThrownBy(forged::myAccount).isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.getMessage()).contains("a token it did not sign").contains("log in again");
        });
        try (FakeKaraokeMugen verbose = FakeKaraokeMugen.builder().verbose().build()) {
            verbose.start();
            try (KaraokeMugenClient c = KaraokeMugenClient.builder().baseUrl(verbose.baseUrl()).sessionStore(store)
                    .build()) {
                store.save(c.storeKey("alice"), alice.session());
                assertThatThrownBy(() -> c.resume("alice").orElseThrow().myAccount())
                        .isInstanceOfSatisfying(UnauthorizedException.class,
                                e -> assertThat(e.providerCode()).contains("INVALID_TOKEN"));
            }
        }
    }

    @Test
    void row7AnOnlineTokenTheInstanceRefusesIsUnauthorized() {
        KaraokeMugenAccount axel = km.login("axel@kara.moe", FakeKaraokeMugen.ONLINE_PASSWORD);
        store.save(axel.storeKey(), axel.session().toBuilder().token("onlineToken", "eyJhbGciOiJIUzI1NiJ9.e30.stale")
                .build());
        assertThatThrownBy(() -> km.resume("axel@kara.moe").orElseThrow().checkAuth())
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.providerCode()).contains("INVALID_ONLINE_TOKEN");
                    assertThat(e.getMessage()).contains("log in again to get a new one");
                });
    }

    @Test
    void row8AnOnlineAccountsResetNeedsNoCode() {
        km.resetUserPassword("axel@kara.moe", "ignored-by-the-app", null);
        assertThat(fake.instance("kara.moe").mails()).containsExactly("to: axel");
        assertThat(fake.lastCall().body()).doesNotContain("securityCode");
        assertThatThrownBy(() -> km.resetUserPassword("alice", "brand-new-pw", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("six digits");
    }

    @Test
    void row9ARefusedResetKeepsTheCode() {
        String code = fake.securityCode();
        assertThatThrownBy(() -> km.resetUserPassword("nobody", "brand-new-pw", code))
                .isInstanceOf(dev.latchkey.core.error.NotFoundException.class);
        km.resetUserPassword("alice", "brand-new-pw", code);
        assertThat(km.login("alice", "brand-new-pw").username()).isEqualTo("alice");
    }

    @Test
    void row10AGuestIsNeverCreatedByCreateUser() {
        assertThatThrownBy(() -> operator().createUser(NewUser.of("gina", "gina-password").withType(UserType.GUEST)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("guests");
        assertThatThrownBy(() -> km.createUser(NewUser.of("gina", "gina-password").withType(UserType.GUEST)))
                .isInstanceOf(InvalidInputException.class);
        km.createUser(NewUser.of("gina", "gina-password").withType(UserType.USER));
        assertThat(fake.userType("gina")).isEqualTo(1);
    }

    @Test
    void row12GuestsAreRefusedWhileNewAccountsNeedACode() {
        fake.requireSecurityCodeForNewAccounts(true);
        assertThatThrownBy(km::loginGuest).isInstanceOfSatisfying(ForbiddenException.class,
                e -> assertThat(e.providerCode()).contains("GUESTS_NOT_ALLOWED"));
    }

    @Test
    void row13APasswordTheAppWouldTrimIsRefusedBeforeSending() {
        fake.clearCalls();
        assertThatThrownBy(() -> km.createUser(NewUser.of("tom", " padded-secret ")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("white space")
                .hasMessageNotContaining("padded-secret");
        assertThat(fake.calls()).isEmpty();
        assertThatThrownBy(() -> km.createUser(NewUser.of("alice", "short")))
                .as("409 before 411, as the app checks").isInstanceOf(ConflictException.class);
    }

    @Test
    void row14AStaleOperatorTokenIsRefusedEverywhere() {
        KaraokeMugenAccount op = operator();
        op.setUserType("bob", UserType.OPERATOR);
        KaraokeMugenAccount bob = km.login("bob", "bob-demo-pass");
        assertThat(bob.role()).isEqualTo(UserType.OPERATOR);
        op.setUserType("bob", UserType.USER);
        assertThatThrownBy(bob::users).isInstanceOfSatisfying(ForbiddenException.class,
                e -> assertThat(e.providerCode()).contains("ADMIN_PLEASE"));
    }

    @Test
    void row15AUsersOwnPrivateProfileIsNotFound() {
        KaraokeMugenAccount bob = km.login("bob", "bob-demo-pass");
        assertThat(bob.user("bob")).isEmpty();
        assertThat(bob.myAccount().login()).isEqualTo("bob");
    }

    @Test
    void row16ARefusedEditMayHaveChangedThePasswordAlready() {
        KaraokeMugenAccount alice = alice();
        assertThatThrownBy(() -> alice.editMyAccount(ProfileEdit.empty().nickname("Bob").password("changed-anyway")))
                .isInstanceOf(ConflictException.class);
        assertThat(km.login("alice", "changed-anyway").username()).isEqualTo("alice");
    }

    @Test
    void theSeriesLanguagesAndTheTutorialFlagAreSetAsTheAppsProfileFormAndTutorialSetThem() {
        KaraokeMugenAccount alice = alice();
        User before = alice.myAccount();
        assertThat(before.mainSeriesLang()).isNull(); // the app's INSERT leaves them out
        assertThat(before.fallbackSeriesLang()).isNull();
        assertThat(before.tutorialDone()).isFalse();

        alice.editMyAccount(ProfileEdit.empty().mainSeriesLanguage("fre").fallbackSeriesLanguage("eng")
                .tutorialDone(true));

        User after = alice.myAccount();
        assertThat(after.mainSeriesLang()).isEqualTo("fre");
        assertThat(after.fallbackSeriesLang()).isEqualTo("eng");
        assertThat(after.tutorialDone()).isTrue();
        RecordedCall edit = fake.calls().stream().filter(c -> c.body().contains("\"editMyAccount\""))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(edit.body()).contains("\"main_series_lang\":\"fre\"", "\"fallback_series_lang\":\"eng\"",
                "\"flag_tutorial_done\":true");
        alice.editMyAccount(ProfileEdit.empty().tutorialDone(false)); // replays the tutorial; the languages stay
        assertThat(alice.myAccount()).extracting(User::tutorialDone, User::mainSeriesLang).containsExactly(false, "fre");
    }

    @Test
    void row18AnUploadAnsweredAsTextHtmlIsRead() {
        KaraokeMugenAccount alice = alice();
        alice.editMyAccount(ProfileEdit.empty().avatar(new ProfileEdit.Avatar("me.png", new byte[] {1, 2}, "image/png")));
        assertThat(alice.myAccount().avatarFile()).isNotEqualTo("blank.png");
        RecordedCall upload = fake.calls().stream().filter(c -> c.path().equals("/api/importFile")).findFirst()
                .orElseThrow();
        assertThat(upload.method()).isEqualTo("POST");
    }

    @Test
    void row18AnEmptyUploadAnswerIsAnInvalidAnswerNotASilentEdit() throws Exception {
        try (MockWebServer app = LoopbackServers.newServer()) {
            app.enqueue(json(200, "{\"err\":false,\"data\":{\"token\":\"eyJhbGciOiJIUzI1NiJ9.e30.x\",\"username\":"
                    + "\"alice\",\"role\":\"user\"}}"));
            app.enqueue(new MockResponse.Builder().code(200).body("").build());
            app.start();
            try (KaraokeMugenClient c = KaraokeMugenClient.builder().baseUrl(app.url("/").toString()).build()) {
                KaraokeMugenAccount a = c.login("alice", "alice-password");
                assertThatThrownBy(() -> a.editMyAccount(ProfileEdit.empty().avatar(new ProfileEdit.Avatar("me.png",
                        new byte[] {1}, "image/png")))).isInstanceOf(InvalidResponseException.class);
                assertThat(app.getRequestCount()).as("no edit after a failed upload").isEqualTo(2);
            }
        }
    }

    @Test
    void row19ConvertingBackKeepsAWorkingPassword() throws Exception {
        KaraokeMugenAccount alice = alice();
        assertThatThrownBy(() -> alice.convertToLocal(FakeKaraokeMugen.DEMO_PASSWORD))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not an online one");
        alice.convertToOnline("kara.moe", FakeKaraokeMugen.DEMO_PASSWORD);
        alice.async().convertToLocal(FakeKaraokeMugen.DEMO_PASSWORD).get(10, TimeUnit.SECONDS);
        assertThat(alice.username()).isEqualTo("alice");
        assertThat(km.login("alice", FakeKaraokeMugen.DEMO_PASSWORD).username()).isEqualTo("alice");
    }

    @Test
    void row20TheAnimeListEndsPastItsEndAndIsEmptyForGuests() {
        assertThat(alice().animeListPage(10, 40).items()).isEmpty();
        assertThat(alice().animeListPage(10, 25).items()).hasSize(5);
        assertThat(km.loginGuest().animeList().stream().toList()).isEmpty();
    }

    @Test
    void row21AnInstanceThatRefusesFallsBackToTheLocalPassword() {
        km.login("axel@kara.moe", FakeKaraokeMugen.ONLINE_PASSWORD).forget();
        fake.instance("kara.moe").reachable(false);
        KaraokeMugenAccount axel = km.login("axel@kara.moe", FakeKaraokeMugen.ONLINE_PASSWORD);
        assertThat(axel.session().token("onlineToken")).isEmpty();
        assertThat(axel.online()).isTrue();
        assertThat(axel.checkAuth().onlineAvailable()).as("the instance does not answer").contains(false);
        // back up, the instance refuses the missing online token (row 7)
        fake.instance("kara.moe").reachable(true);
        assertThatThrownBy(axel::checkAuth).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void theFakeRevokesEveryTokenAtOnceAsEveryFakeCanAndAddsUsersTheSameWay() {
        // Issue 28: revokeSessions, accounts() and addUser have one shape on all four fakes. Karaoke Mugen's tokens
        // end when its JWT secret changes: a token signed with the old one is refused as a forged one is (row 6).
        KaraokeMugenAccount alice = alice();
        assertThat(fake.revokeSessions()).isPositive();
        assertThatThrownBy(alice::myAccount).isInstanceOf(dev.latchkey.core.error.LatchkeyException.class);
        assertThat(fake.addUser("newbie", "newbie-password")).isEqualTo("newbie");
        assertThat(km.login("newbie", "newbie-password").username()).isEqualTo("newbie");
        assertThat(fake.accounts()).isNotNull();
    }
}
