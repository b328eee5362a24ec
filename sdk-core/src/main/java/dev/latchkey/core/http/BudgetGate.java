package dev.latchkey.core.http;

import dev.latchkey.core.Async;
import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RateBudget;
import dev.latchkey.core.error.ApiError;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.RateBudgetException;
import dev.latchkey.core.error.RateLimitedException;
import dev.latchkey.core.error.TransportException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The client's rate budget, in front of every attempt of both retry loops: a permit is taken before an attempt
 * (waited for within the call's deadline, or not at all by option), and a 429 with {@code Retry-After} pauses the
 * budget for everyone sharing it. Without a budget every attempt goes at once.
 */
final class BudgetGate {
    private final ClientOptions options;
    private final RateBudget budget;

    BudgetGate(ClientOptions options) {
        this.options = options;
        this.budget = options.rateBudget().orElse(null);
    }

    /** Blocks, through the {@link dev.latchkey.core.Sleeper}, until the attempt may go; a budget with none ends it. */
    void await(PreparedCall p) {
        if (budget == null) {
            return;
        }
        Duration wait;
        try {
            wait = budget.reserve(maxWait(p)).orElseThrow(() -> spent(p));
        } catch (RuntimeException e) {
            throw typed(e);
        }
        if (wait.isZero()) {
            return;
        }
        if (p.trace != null) {
            p.trace.budgetWaited(budget.name(), wait);
        }
        try {
            options.sleeper().sleep(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Kind.CANCELED, p.origin.method(), p.origin.path(),
                    new java.io.InterruptedIOException("interrupted while waiting for the rate budget"));
        }
    }

    /**
     * @return how long the attempt must wait ({@link Duration#ZERO}: at once), never blocking; a future failed
     *     typed when no permit comes in time or the budget fails
     */
    CompletableFuture<Duration> permitAsync(PreparedCall p) {
        if (budget == null) {
            return CompletableFuture.completedFuture(Duration.ZERO);
        }
        CompletableFuture<java.util.Optional<Duration>> permit;
        try {
            permit = budget.reserveAsync(maxWait(p));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(typed(e));
        }
        return permit.handle((wait, error) -> {
            if (error != null) {
                throw typed(Async.unwrap(error));
            }
            Duration w = wait.orElseThrow(() -> spent(p));
            if (!w.isZero() && p.trace != null) {
                p.trace.budgetWaited(budget.name(), w);
            }
            return w;
        });
    }

    /**
     * An anti-bot challenge pauses the budget for the client's challenge cool-down, and a 429 with {@code Retry-After}
     * for that long, for everyone sharing it, so a fleet backs off together; a 429's pause is never
     * longer than the budget's cap or this client's {@code maxRetryAfter} (one {@code Retry-After: 315360000} would
     * otherwise refuse every call of every sharer for years). A failure to record the pause is not the call's
     * failure: it rides along, suppressed.
     */
    CompletableFuture<Void> pauseFor(LatchkeyException e) {
        if (budget == null) {
            return CompletableFuture.completedFuture(null);
        }
        Duration wait;
        if (e instanceof dev.latchkey.core.error.BotChallengeException && !options.challengeCooldown().isZero()) {
            // An anti-bot wall: everyone sharing the budget stops for the cool-down (a site that challenged
            // blocks longer the longer it is hit).
            wait = options.challengeCooldown();
        } else if (e instanceof RateLimitedException r && r.error().status() == 429 && r.retryAfter().isPresent()) {
            Duration cap = budget.maxPause().orElse(options.retryPolicy().maxRetryAfter());
            wait = r.retryAfter().get().compareTo(cap) > 0 ? cap : r.retryAfter().get();
        } else {
            return CompletableFuture.completedFuture(null);
        }
        Instant until = options.clock().instant().plus(wait);
        return budget.pauseUntil(until).exceptionally(failed -> {
            e.addSuppressed(Async.unwrap(failed));
            return null;
        });
    }

    /** A budget (the caller's own, perhaps) that fails with anything but a Latchkey exception still fails typed. */
    private LatchkeyException typed(Throwable failure) {
        return failure instanceof LatchkeyException l ? l : new RateBudgetException("the rate budget '"
                + budget.name() + "' failed: " + failure.getClass().getSimpleName(), failure);
    }

    private Duration maxWait(PreparedCall p) {
        return options.waitsForRateBudget() ? p.timeLeft() : Duration.ZERO;
    }

    private RateLimitedException spent(PreparedCall p) {
        return new RateLimitedException(new ApiError(429, p.origin.method(), p.origin.path(), "latchkey-rate-budget",
                "the rate budget '" + budget.name() + "' has no permit " + (options.waitsForRateBudget()
                        ? "within the call's deadline" : "now (waitForRateBudget is off)") + "; nothing was sent",
                null, null));
    }
}
