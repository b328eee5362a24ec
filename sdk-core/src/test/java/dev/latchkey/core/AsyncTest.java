package dev.latchkey.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.core.error.InvalidInputException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Async's chain: cancelling the future a caller holds reaches whichever step is in flight (issue 11, item 7). */
class AsyncTest {

    @Test
    void cancellingAMappedFutureCancelsItsSource() {
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<Integer> mapped = Async.map(source, String::length);
        mapped.cancel(true);
        assertThat(source).isCancelled();
        // thenApply, for contrast, leaves the source running.
        CompletableFuture<String> other = new CompletableFuture<>();
        other.thenApply(String::length).cancel(true);
        assertThat(other).isNotDone();
    }

    @Test
    void cancellingAComposedFutureCancelsTheSecondStepAndNeverStartsALaterOne() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        AtomicBoolean thirdStarted = new AtomicBoolean();
        CompletableFuture<String> chain = Async.compose(Async.compose(first, v -> second), v -> {
            thirdStarted.set(true);
            return CompletableFuture.completedFuture(v);
        });
        first.complete("a");
        assertThat(second).isNotDone();
        chain.cancel(true);
        assertThat(second).isCancelled();
        assertThat(thirdStarted).isFalse();
    }

    @Test
    void recoverReplacesAFailureAndPassesTheUnwrappedCause() throws Exception {
        CompletableFuture<String> failed = CompletableFuture.failedFuture(new IllegalStateException("x"));
        CompletableFuture<String> recovered = Async.recover(Async.map(failed, s -> s),
                e -> CompletableFuture.completedFuture(e.getClass().getSimpleName()));
        assertThat(recovered.get()).isEqualTo("IllegalStateException");
        CompletableFuture<String> pending = new CompletableFuture<>();
        CompletableFuture<String> r = Async.recover(pending, e -> CompletableFuture.completedFuture("no"));
        r.cancel(true);
        assertThat(pending).isCancelled();
    }

    @Test
    void aStepThatThrowsFailsTheFutureNeverTheCaller() {
        CompletableFuture<String> f = Async.compose(CompletableFuture.completedFuture("a"), v -> {
            throw new InvalidInputException("bad");
        });
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InvalidInputException.class);
        assertThat(Async.start(() -> {
            throw new InvalidInputException("refused");
        })).isCompletedExceptionally();
    }
}
