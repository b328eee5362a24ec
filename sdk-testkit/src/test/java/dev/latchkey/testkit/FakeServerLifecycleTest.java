package dev.latchkey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.latchkey.testkit.accounts.AccountStore;
import dev.latchkey.testkit.accounts.NameInvalidCharactersException;
import dev.latchkey.testkit.kemono.FakeKemono;
import dev.latchkey.testkit.tmdb.FakeTmdb;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** What a fake does across a test class's life: reset by default, kept on request, injected, restartable. */
class FakeServerLifecycleTest {
    static final List<FakeKemono> SEEN = new ArrayList<>();
    static final List<Boolean> HAD_BOB = new ArrayList<>();

    static TestExecutionSummary run(Class<?> testClass) {
        SEEN.clear();
        HAD_BOB.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build(), listener);
        return listener.getSummary();
    }

    /** Each test: did the fake still know the user the previous test added? Then add it. */
    static void recordAndAddBob(FakeKemono fake) {
        SEEN.add(fake);
        HAD_BOB.add(fake.calls().size() > 0 || loginWorks(fake));
        fake.addUser("bob", "bob-password", "consumer");
        new Http(Headers.of("Accept", "text/css")).get(fake.baseUrl() + "/v1/posts/random");
    }

    static boolean loginWorks(FakeKemono fake) {
        return new Http(Headers.of("Accept", "text/css")).post(fake.baseUrl() + "/v1/authentication/login",
                "{\"username\":\"bob\",\"password\":\"bob-password\"}").code() == 200;
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StaticFieldDefault {
        @RegisterExtension
        static FakeKemono fake = FakeKemono.create();

        @Test
        @Order(1)
        void first() {
            recordAndAddBob(fake);
        }

        @Test
        @Order(2)
        void second() {
            recordAndAddBob(fake);
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StaticFieldKeepingState {
        @RegisterExtension
        static FakeKemono fake = FakeKemono.create().keepStateBetweenTests();

        @Test
        @Order(1)
        void first() {
            recordAndAddBob(fake);
        }

        @Test
        @Order(2)
        void second() {
            SEEN.add(fake);
            HAD_BOB.add(loginWorks(fake));
        }
    }

    @WithFakeServers
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Injected {
        final FakeTmdb fromConstructor;

        Injected(FakeTmdb tmdb) {
            this.fromConstructor = tmdb;
        }

        @Test
        @Order(1)
        void first(FakeKemono fake, FakeTmdb tmdb) {
            assertThat(tmdb).isSameAs(fromConstructor);
            assertThat(tmdb.isStarted()).isTrue();
            recordAndAddBob(fake);
        }

        @Test
        @Order(2)
        void second(FakeKemono fake) {
            SEEN.add(fake);
            HAD_BOB.add(loginWorks(fake));
        }
    }

    @Test
    void aStaticFakeIsResetBeforeEachTestByDefault() {
        TestExecutionSummary summary = run(StaticFieldDefault.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(HAD_BOB).containsExactly(false, false);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    }

    @Test
    void keepStateBetweenTestsKeepsIt() {
        TestExecutionSummary summary = run(StaticFieldKeepingState.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(HAD_BOB).containsExactly(false, true);
    }

    @Test
    void fakeServerTestInjectsOneFakePerTypeResetBeforeEachTestAndClosedAfterTheClass() {
        TestExecutionSummary summary = run(Injected.class);
        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
        assertThat(HAD_BOB).containsExactly(false, false); // the second test saw a reset fake
        assertThat(SEEN.get(0).isStarted()).isFalse();
    }

    @Test
    void aClassRunTwiceInOneJvmGetsAWorkingFakeBothTimes() {
        assertThat(run(StaticFieldDefault.class).getTestsSucceededCount()).isEqualTo(2);
        FakeKemono fake = StaticFieldDefault.fake;
        assertThat(fake.isStarted()).isFalse();
        assertThat(run(StaticFieldDefault.class).getTestsSucceededCount()).isEqualTo(2);
        assertThat(HAD_BOB).containsExactly(false, false);
    }

    @Test
    void aClosedFakeStartsAgainWithFreshState() {
        FakeKemono fake = FakeKemono.create().start();
        try {
            fake.addUser("bob", "bob-password", "consumer");
            fake.faults().next().serverError(503);
            assertThat(loginWorks(fake)).isFalse(); // the fault
            fake.close();
            fake.start();
            assertThat(fake.faults().pending()).isZero();
            assertThat(fake.calls()).isEmpty();
            assertThat(loginWorks(fake)).isFalse(); // bob is gone
            fake.addUser("bob", "bob-password", "consumer");
            assertThat(loginWorks(fake)).isTrue();
        } finally {
            fake.close();
        }
    }

    @Test
    void eachFakeTakesItsProvidersNamesAndTheStoreKeepsAioaccountsRule() {
        try (FakeTmdb tmdb = FakeTmdb.create(); FakeKemono kemono = FakeKemono.create()) {
            assertThat(Integer.parseInt(tmdb.addUser("johnny_appleseed", "test123"))).isPositive(); // TMDb's own example
            kemono.addUser("some-user", "some-password", "consumer");
            assertThatThrownBy(() -> tmdb.addUser("johnny appleseed", "test123"))
                    .isInstanceOf(NameInvalidCharactersException.class)
                    .hasMessage("Name may only contain ASCII letters, digits, '_', '-' and '.'.");
        }
        AccountStore aioaccount = AccountStore.builder().hashIterations(1_000).build();
        assertThatThrownBy(() -> aioaccount.createAccount("a-Password-1", null, "some-user"))
                .isInstanceOf(NameInvalidCharactersException.class);
    }

    @Test
    void aPortInUseSaysWhyTheFakeCannotStart() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                FakeKemono fake = FakeKemono.create()) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> fake.start(port)).isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageStartingWith("cannot start " + fake.name() + " on 127.0.0.1:" + port + ": ")
                    .hasMessageContaining("in use");
            assertThat(fake.isStarted()).isFalse();
        }
    }
}
