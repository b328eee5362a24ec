package dev.latchkey.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.InvalidCredentialsException;
import dev.latchkey.core.error.ServerException;
import dev.latchkey.core.error.UnauthorizedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionHolderTest {
    static final Session OLD = Session.builder("p").cookie("session", "old-cookie").build();
    static final Session NEW = Session.builder("p").cookie("session", "new-cookie").build();

    static UnauthorizedException unauthorized() {
        return new UnauthorizedException(new ApiError(401, "GET", "/me", null, "expired", null, null));
    }

    @Test
    void oneReloginOnUnauthorizedThenTheCallIsRetriedOnce() {
        SessionStore store = SessionStore.inMemory();
        AtomicInteger logins = new AtomicInteger();
        SessionHolder holder = new SessionHolder("k", store, OLD, () -> {
            logins.incrementAndGet();
            return NEW;
        });
        List<String> seen = new ArrayList<>();
        String result = holder.call(s -> {
            seen.add(s.cookie("session").orElseThrow());
            if (s == OLD) {
                throw unauthorized();
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(seen).containsExactly("old-cookie", "new-cookie");
        assertThat(logins).hasValue(1);
        assertThat(store.load("k")).contains(NEW);
    }

    @Test
    void neverALoop() {
        AtomicInteger logins = new AtomicInteger();
        SessionHolder holder = new SessionHolder("k", SessionStore.inMemory(), OLD, () -> {
            logins.incrementAndGet();
            return NEW;
        });
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> holder.call(s -> {
            calls.incrementAndGet();
            throw unauthorized();
        })).isInstanceOf(UnauthorizedException.class);
        assertThat(calls).hasValue(2);
        assertThat(logins).hasValue(1);
    }

    @Test
    void aFailedReloginLeavesTheSessionAsItWas() {
        SessionStore store = SessionStore.inMemory();
        store.save("k", OLD);
        SessionHolder holder = new SessionHolder("k", store, OLD, () -> {
            throw new InvalidCredentialsException(new ApiError(400, "POST", "/login", null, "bad", null, null));
        });
        assertThatThrownBy(() -> holder.call(s -> {
            throw unauthorized();
        })).isInstanceOf(InvalidCredentialsException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        assertThat(holder.current()).contains(OLD);
        assertThat(store.load("k")).contains(OLD);
    }

    @Test
    void otherFailuresDoNotTriggerARelogin() {
        AtomicInteger logins = new AtomicInteger();
        SessionHolder holder = new SessionHolder("k", SessionStore.inMemory(), OLD, () -> {
            logins.incrementAndGet();
            return NEW;
        });
        assertThatThrownBy(() -> holder.call(s -> {
            throw new ServerException(new ApiError(503, "GET", "/me", null, null, null, null));
        })).isInstanceOf(ServerException.class);
        assertThat(logins).hasValue(0);
        assertThat(holder.current()).contains(OLD);
    }

    @Test
    void withoutReloginUnauthorizedPropagates() {
        SessionHolder holder = new SessionHolder("k", SessionStore.inMemory(), OLD, null);
        assertThatThrownBy(() -> holder.call(s -> {
            throw unauthorized();
        })).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void asyncReloginsOnceToo() throws Exception {
        AtomicInteger logins = new AtomicInteger();
        SessionHolder holder = new SessionHolder("k", SessionStore.inMemory(), OLD, () -> {
            logins.incrementAndGet();
            return NEW;
        });
        String r = holder.callAsync(s -> s == OLD ? CompletableFuture.<String>failedFuture(unauthorized())
                : CompletableFuture.completedFuture("ok:" + s.cookie("session").orElseThrow())).get();
        assertThat(r).isEqualTo("ok:new-cookie");
        assertThat(logins).hasValue(1);
    }

    @Test
    void aCallThatThrowsWhileStartingFailsTheFutureInstead() {
        SessionHolder holder = new SessionHolder("k", SessionStore.inMemory(), OLD, null);
        CompletableFuture<String> f = holder.callAsync(s -> {
            throw new dev.latchkey.core.error.InvalidInputException("id is blank");
        });
        assertThat(f).isCompletedExceptionally();
        holder.clear();
        assertThat(holder.callAsync(s -> CompletableFuture.completedFuture("x"))).isCompletedExceptionally();
    }

    @Test
    void clearForgetsTheSessionHereAndInTheStore() {
        SessionStore store = SessionStore.inMemory();
        SessionHolder holder = new SessionHolder("k", store, OLD, null);
        holder.replace(NEW);
        holder.clear();
        assertThat(holder.current()).isEmpty();
        assertThat(store.load("k")).isEmpty();
        assertThatThrownBy(holder::require).isInstanceOf(IllegalStateException.class).hasMessageContaining("logged out");
        assertThat(holder.toString()).doesNotContain("cookie");
    }

    @Test
    void forgetDropsTheSessionHereOnlyAndTheStoreKeepsIt() {
        SessionStore store = SessionStore.inMemory();
        SessionHolder holder = new SessionHolder("k", store, OLD, null);
        holder.replace(NEW);
        holder.forget();
        assertThat(holder.current()).isEmpty();
        assertThat(store.load("k")).contains(NEW);
        assertThatThrownBy(holder::require).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> holder.call(s -> "never")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRenamedAccountMovesItsSessionToTheNewKeyForEveryoneSharingTheHolder() {
        // Issue 28, bug 2: Karaoke Mugen's conversion made a new holder for the view it ran on, so the original
        // account's was cleared ("logged out or closed"). The holder moves itself now.
        SessionStore store = SessionStore.inMemory();
        SessionHolder holder = new SessionHolder("km#alice", store, OLD, null);
        holder.replace(OLD);
        holder.moveTo("km#alice@kara.moe", NEW);
        assertThat(holder.key()).isEqualTo("km#alice@kara.moe");
        assertThat(holder.require()).isEqualTo(NEW);
        assertThat(store.load("km#alice@kara.moe")).contains(NEW);
        assertThat(store.load("km#alice")).isEmpty();
        // Moving to the same key keeps the session stored.
        holder.moveTo("km#alice@kara.moe", OLD);
        assertThat(store.load("km#alice@kara.moe")).contains(OLD);
        assertThat(holder.toString()).contains("km#alice@kara.moe");
    }
}
