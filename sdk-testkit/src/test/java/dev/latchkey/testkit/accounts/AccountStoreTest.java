package dev.latchkey.testkit.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.latchkey.testkit.ManualClock;
import org.junit.jupiter.api.Test;

class AccountStoreTest {
    static final String GOOD = "Ab12!?xyzW";

    final ManualClock clock = new ManualClock();
    final AccountStore store = AccountStore.builder().clock(clock).hashIterations(10).build();

    @Test
    void createWithNameEmailOrBoth() {
        UserRecord a = store.createAccount(GOOD, null, "ward42");
        UserRecord b = store.createAccount(GOOD, "Example@ProtonMail.COM", null);
        UserRecord c = store.createAccount(GOOD, "c@x.org", "ward43");
        assertThat(a.userId()).hasSize(32).matches("[0-9a-f]+");
        assertThat(a.name()).contains("ward42");
        assertThat(b.email()).contains("Example@protonmail.com");
        assertThat(c.name()).contains("ward43");
        assertThat(a.emailConfirmed()).isNull();
        assertThat(store.users()).extracting(UserRecord::userId).containsExactly(a.userId(), b.userId(), c.userId());
    }

    @Test
    void neitherNameNorEmailIsAnAccountDetailsError() {
        assertThatThrownBy(() -> store.createAccount(GOOD, null, null)).isExactlyInstanceOf(
                AccountDetailsException.class);
    }

    @Test
    void nameLengthIsThreeTo128() {
        assertThatThrownBy(() -> store.createAccount(GOOD, null, "ab")).isInstanceOf(NameLengthInvalidException.class);
        assertThatThrownBy(() -> store.createAccount(GOOD, null, "a".repeat(129)))
                .isInstanceOf(NameLengthInvalidException.class);
        store.createAccount(GOOD, null, "abc");
        store.createAccount(GOOD, null, "b".repeat(128));
    }

    @Test
    void nameIsLettersAndDigitsOnly() {
        assertThatThrownBy(() -> store.createAccount(GOOD, null, "war$")).isInstanceOf(
                NameInvalidCharactersException.class);
        assertThatThrownBy(() -> store.createAccount(GOOD, null, "with space"))
                .isInstanceOf(NameInvalidCharactersException.class);
        assertThatThrownBy(() -> store.createAccount(GOOD, null, "under_score"))
                .isInstanceOf(NameInvalidCharactersException.class);
        store.createAccount(GOOD, null, "Zoë名前42"); // Unicode letters and digits, as str.isalnum()
    }

    @Test
    void passwordPolicyNamesEveryFailedRule() {
        assertThatThrownBy(() -> store.createAccount("abc", null, "ward42"))
                .isInstanceOfSatisfying(PasswordPolicyException.class, e -> assertThat(e.failedRules())
                        .containsExactly("length(8)", "uppercase(2)", "numbers(2)", "special(2)", "nonletters(2)"));
        assertThatThrownBy(() -> store.createAccount("ABcdefgh12", null, "ward42"))
                .isInstanceOfSatisfying(PasswordPolicyException.class,
                        e -> assertThat(e.failedRules()).containsExactly("special(2)"));
        assertThat(PasswordPolicy.minLength(8).check("12345678")).isEmpty();
        assertThat(PasswordPolicy.minLength(8).check("1234567")).containsExactly("length(8)");
    }

    @Test
    void emailSyntaxIsChecked() {
        for (String bad : List.of("plain", "a@b", "@x.org", "a@@x.org", "a b@x.org", "a@-x.org")) {
            assertThatThrownBy(() -> store.createAccount(GOOD, bad, null)).as(bad)
                    .isInstanceOf(EmailInvalidException.class);
        }
    }

    @Test
    void namesAndEmailsAreUniqueCaseInsensitively() {
        store.createAccount(GOOD, "a@x.org", "ward42");
        assertThatThrownBy(() -> store.createAccount(GOOD, null, "WARD42")).isInstanceOf(DetailsExistException.class);
        assertThatThrownBy(() -> store.createAccount(GOOD, "A@X.ORG", null)).isInstanceOf(DetailsExistException.class);
    }

    @Test
    void concurrentCreationWithTheSameNameHasExactlyOneWinner() throws Exception {
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<Boolean> task = () -> {
                go.await();
                try {
                    store.createAccount(GOOD, null, "racer");
                    return true;
                } catch (DetailsExistException e) {
                    return false;
                }
            };
            results.add(pool.submit(task));
        }
        go.countDown();
        int winners = 0;
        for (Future<Boolean> f : results) {
            winners += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
        assertThat(store.users()).hasSize(1);
    }

    @Test
    void loginByNameOrEmailAndEveryFailureLooksTheSame() {
        store.createAccount(GOOD, "a@x.org", "ward42");
        assertThat(store.login("ward42", GOOD, true).name()).contains("ward42");
        assertThat(store.login("A@x.org", GOOD, true).name()).contains("ward42");
        Throwable wrongPassword = catchThrowable(() -> store.login("ward42", "nope", true));
        Throwable unknownUser = catchThrowable(() -> store.login("nobody", GOOD, true));
        assertThat(wrongPassword).isInstanceOf(InvalidLoginException.class);
        assertThat(unknownUser).isInstanceOf(InvalidLoginException.class).hasMessage(wrongPassword.getMessage());
    }

    @Test
    void loginCanRequireAConfirmedEmail() {
        AccountStore confirming = AccountStore.builder().requireEmailConfirmation(true).clock(clock)
                .hashIterations(10).build();
        UserRecord u = confirming.createAccount(GOOD, "a@x.org", "ward42");
        assertThat(u.emailConfirmed()).isFalse();
        assertThatThrownBy(() -> confirming.login("ward42", GOOD, true)).isInstanceOf(InvalidLoginException.class);
        assertThat(confirming.login("ward42", GOOD, false).userId()).isEqualTo(u.userId());
        String code = confirming.lastConfirmationCode("a@x.org").orElseThrow();
        assertThat(code).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThatThrownBy(() -> confirming.confirmEmail("a@x.org", "wrong")).isInstanceOf(
                UnableToConfirmEmailException.class);
        assertThat(confirming.confirmEmail("a@x.org", code).emailConfirmed()).isTrue();
        assertThat(confirming.login("ward42", GOOD, true).userId()).isEqualTo(u.userId());
        // A used code, and a confirmation with no code pending, fail cleanly (aioaccount crashed here).
        assertThatThrownBy(() -> confirming.confirmEmail("a@x.org", code)).isInstanceOf(
                UnableToConfirmEmailException.class);
        assertThatThrownBy(() -> confirming.confirmEmail("nobody@x.org", code)).isInstanceOf(
                UnableToConfirmEmailException.class);
    }

    @Test
    void usersFilterByConfirmationAsDocumented() {
        AccountStore confirming = AccountStore.builder().requireEmailConfirmation(true).clock(clock)
                .hashIterations(10).build();
        confirming.createAccount(GOOD, "pending@x.org", null);
        confirming.createAccount(GOOD, "done@x.org", null);
        confirming.createAccount(GOOD, null, "noemail");
        confirming.confirmEmail("done@x.org", confirming.lastConfirmationCode("done@x.org").orElseThrow());
        assertThat(confirming.users(false)).extracting(u -> u.email().orElseThrow()).containsExactly("pending@x.org");
        assertThat(confirming.users(true)).extracting(u -> u.email().orElseThrow()).containsExactly("done@x.org");
        assertThat(confirming.users()).hasSize(3);
    }

    @Test
    void toUserFindsByNameOrEmail() {
        UserRecord u = store.createAccount(GOOD, "a@x.org", "ward42");
        assertThat(store.toUser("ward42").userId()).isEqualTo(u.userId());
        assertThat(store.toUser("a@x.org").userId()).isEqualTo(u.userId());
        assertThatThrownBy(() -> store.toUser("nobody")).isExactlyInstanceOf(AccountDetailsException.class);
    }

    @Test
    void updatePasswordChecksTheCurrentOneAndThePolicy() {
        UserHandle u = store.user(store.createAccount(GOOD, null, "ward42").userId());
        assertThatThrownBy(() -> u.updatePassword("wrong", "CD34#%newpw")).isInstanceOf(InvalidLoginException.class);
        assertThatThrownBy(() -> u.updatePassword(GOOD, "weak")).isInstanceOf(PasswordPolicyException.class);
        u.updatePassword(GOOD, "CD34#%newpw");
        assertThat(store.login("ward42", "CD34#%newpw", true).userId()).isEqualTo(u.userId());
        assertThatThrownBy(() -> store.login("ward42", GOOD, true)).isInstanceOf(InvalidLoginException.class);
        assertThatThrownBy(() -> store.user("0".repeat(32)).updatePassword(GOOD, "CD34#%newpw"))
                .isInstanceOf(InvalidLoginException.class);
    }

    @Test
    void updateNameAndEmailKeepTheRules() {
        store.createAccount(GOOD, "b@x.org", "taken");
        UserHandle u = store.user(store.createAccount(GOOD, "a@x.org", "ward42").userId());
        assertThatThrownBy(() -> u.updateName("taken")).isInstanceOf(DetailsExistException.class);
        assertThatThrownBy(() -> u.updateName("no")).isInstanceOf(NameLengthInvalidException.class);
        assertThatThrownBy(() -> u.updateName("bad!")).isInstanceOf(NameInvalidCharactersException.class);
        u.updateName("ward43");
        assertThat(store.toUser("ward43").userId()).isEqualTo(u.userId());
        assertThatThrownBy(() -> store.toUser("ward42")).isInstanceOf(AccountDetailsException.class);
        assertThatThrownBy(() -> u.updateEmail("b@x.org")).isInstanceOf(DetailsExistException.class);
        assertThatThrownBy(() -> u.updateEmail("a@x.org")).isInstanceOf(DetailsExistException.class);
        assertThatThrownBy(() -> u.updateEmail("broken")).isInstanceOf(EmailInvalidException.class);
        u.updateEmail("new@x.org");
        assertThat(u.get().email()).contains("new@x.org");
        assertThatThrownBy(() -> store.user("f".repeat(32)).updateName("ghost")).isInstanceOf(UserIdException.class);
    }

    @Test
    void updatedEmailNeedsANewConfirmationWhenRequired() {
        AccountStore confirming = AccountStore.builder().requireEmailConfirmation(true).clock(clock)
                .hashIterations(10).build();
        UserRecord r = confirming.createAccount(GOOD, "a@x.org", "ward42");
        confirming.confirmEmail("a@x.org", confirming.lastConfirmationCode("a@x.org").orElseThrow());
        confirming.user(r.userId()).updateEmail("b@x.org");
        assertThat(confirming.user(r.userId()).get().emailConfirmed()).isFalse();
        assertThat(confirming.lastConfirmationCode("b@x.org")).isPresent();
    }

    @Test
    void passwordResetWorksOnceWithinItsLifetime() {
        UserHandle u = store.user(store.createAccount(GOOD, null, "ward42").userId());
        String code = u.resetPassword();
        assertThat(code).hasSize(43);
        assertThatThrownBy(() -> u.confirmPasswordReset("EF56$&reset", "wrong")).isInstanceOf(
                PasswordResetInvalidException.class);
        // The policy is checked first: a weak password neither uses up nor tests the code.
        assertThatThrownBy(() -> u.confirmPasswordReset("weak", code)).isInstanceOf(PasswordPolicyException.class);
        u.confirmPasswordReset("EF56$&reset", code);
        assertThat(store.login("ward42", "EF56$&reset", true).userId()).isEqualTo(u.userId());
        assertThatThrownBy(() -> u.confirmPasswordReset("GH78%*again", code)).isInstanceOf(
                PasswordResetInvalidException.class);
    }

    @Test
    void passwordResetCodesExpireOnTheInjectedClock() {
        UserHandle u = store.user(store.createAccount(GOOD, null, "ward42").userId());
        String code = u.resetPassword();
        clock.advance(Duration.ofHours(24));
        assertThatThrownBy(() -> u.confirmPasswordReset("EF56$&reset", code)).isInstanceOf(
                PasswordResetInvalidException.class);
        String fresh = u.resetPassword();
        clock.advance(Duration.ofHours(23));
        u.confirmPasswordReset("EF56$&reset", fresh);
    }

    @Test
    void aResetCodeIsVoidAfterTooManyWrongGuesses() {
        UserHandle u = store.user(store.createAccount(GOOD, null, "ward42").userId());
        String code = u.resetPassword();
        for (int i = 0; i < AccountStore.MAX_CODE_ATTEMPTS; i++) {
            assertThatThrownBy(() -> u.confirmPasswordReset("EF56$&reset", "guess")).isInstanceOf(
                    PasswordResetInvalidException.class);
        }
        assertThatThrownBy(() -> u.confirmPasswordReset("EF56$&reset", code)).isInstanceOf(
                PasswordResetInvalidException.class);
    }

    @Test
    void getAndDelete() {
        UserHandle u = store.user(store.createAccount(GOOD, null, "ward42").userId());
        assertThat(u.get().name()).contains("ward42");
        u.delete();
        u.delete(); // silent when absent
        assertThatThrownBy(u::get).isInstanceOf(UserIdException.class).hasMessage("User id incorrect.");
        assertThatThrownBy(u::resetPassword).isInstanceOf(UserIdException.class);
        assertThatThrownBy(() -> store.login("ward42", GOOD, true)).isInstanceOf(InvalidLoginException.class);
        store.createAccount(GOOD, null, "ward42"); // the name is free again
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
