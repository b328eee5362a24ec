package dev.latchkey.core.http;

import dev.latchkey.core.ClientOptions;
import dev.latchkey.core.RetryPolicy;
import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.error.LatchkeyException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * Both retry loops, side by side, on one decision ({@link #nextDelay}): resilience4j says whether and how long
 * ({@link RetryPolicy}, a server's {@code Retry-After}), the call's deadline may veto, and the injected
 * {@link dev.latchkey.core.Sleeper} waits (blocking) or schedules (async).
 */
final class RetryLoop {
    private final ClientOptions options;
    private final String name;
    private final Retry defaultRetry;
    /** The rate budget in front of every attempt of both loops. */
    private final BudgetGate gate;

    RetryLoop(ClientOptions options, String providerName) {
        this.options = options;
        this.name = "latchkey-" + providerName;
        this.defaultRetry = retryOf(options.retryPolicy(), options.retryPolicy().maxRetries());
        this.gate = new BudgetGate(options);
    }

    /** @return the retry budget of a replayable call, or {@code null} if it is attempted once */
    Retry forCall(Optional<Integer> maxRetries) {
        RetryPolicy policy = options.retryPolicy();
        int retries = maxRetries.orElse(policy.maxRetries());
        return retries == 0 ? null : retries == policy.maxRetries() ? defaultRetry : retryOf(policy, retries);
    }

    /**
     * The one decision both loops take after a failed attempt.
     *
     * @return how long to wait before the next attempt, or -1 to give up (not retryable, budget spent, or the wait
     *     would pass the call's deadline)
     */
    static long nextDelay(Retry.AsyncContext<Object> context, LatchkeyException failure, PreparedCall p) {
        if (context == null) {
            return -1;
        }
        long delay = context.onError(failure);
        return delay < 0 || p.pastDeadline(delay) ? -1 : delay;
    }

    /** The blocking loop. */
    <T> T run(PreparedCall p, Exchange.Handler<T> handler) {
        CallTrace trace = p.trace = CallTrace.of(p, false);
        if (trace == null) {
            return loop(p, handler, null);
        }
        trace.started();
        try {
            T result = loop(p, handler, trace);
            trace.ended(null);
            return result;
        } catch (RuntimeException | Error e) {
            trace.ended(e);
            throw e;
        }
    }

    private <T> T loop(PreparedCall call, Exchange.Handler<T> handler, CallTrace trace) {
        PreparedCall p = call;
        int moves = 0;
        Retry.AsyncContext<Object> context = p.retry == null ? null : p.retry.asyncContext();
        while (true) {
            gate.await(p);
            if (trace != null) {
                trace.attemptStarted();
            }
            try {
                T result = Exchange.send(p, handler);
                if (trace != null) {
                    trace.attemptEnded(null);
                }
                if (context != null) {
                    context.onComplete();
                }
                return result;
            } catch (LatchkeyException e) {
                if (trace != null) {
                    trace.attemptEnded(e);
                }
                PreparedCall moved = p.movedAfter(e, moves);
                if (moved != null) {
                    // The site moved (or is down): the same call on the next of the client's sites, at once.
                    p = moved;
                    moves++;
                    continue;
                }
                gate.pauseFor(e).join();
                long delay = nextDelay(context, e, p);
                if (delay < 0) {
                    throw e;
                }
                if (trace != null) {
                    trace.retry(e, delay);
                }
                try {
                    options.sleeper().sleep(Duration.ofMillis(delay));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(ie);
                    throw e;
                }
            }
        }
    }

    /** The async loop: the same decisions, with waits scheduled instead of slept. */
    <T> CompletableFuture<T> runAsync(PreparedCall p, ResponseParser<T> parser) {
        CallTrace trace = p.trace = CallTrace.of(p, true);
        AsyncLoop<T> loop = new AsyncLoop<>(p, parser);
        if (trace != null) {
            trace.started();
        }
        loop.attempt();
        return loop.future;
    }

    private final class AsyncLoop<T> implements Callback {
        volatile PreparedCall p;
        int moves;
        final ResponseParser<T> parser;
        final Retry.AsyncContext<Object> context;
        volatile Call current;
        /** Cancelling it cancels the HTTP call in flight, and a scheduled attempt then never starts. */
        final CompletableFuture<T> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                if (p.trace != null && !isDone()) {
                    p.trace.ended(new java.util.concurrent.CancellationException());
                }
                boolean cancelled = super.cancel(mayInterruptIfRunning);
                Call c = current;
                if (c != null) {
                    c.cancel();
                }
                return cancelled;
            }
        };

        /** The call's end is told to its observers before anyone waiting on the future can see it. */
        private void succeed(T value) {
            if (p.trace != null && !future.isDone()) {
                p.trace.ended(null);
            }
            future.complete(value);
        }

        private void fail(Throwable error) {
            if (p.trace != null && !future.isDone()) {
                p.trace.ended(error);
            }
            future.completeExceptionally(error);
        }

        AsyncLoop(PreparedCall p, ResponseParser<T> parser) {
            this.p = p;
            this.parser = parser;
            this.context = p.retry == null ? null : p.retry.asyncContext();
        }

        /** Takes a permit (when there is a budget) without blocking, then sends. */
        void attempt() {
            if (future.isDone()) {
                return;
            }
            gate.permitAsync(p).whenComplete((wait, error) -> {
                if (error != null) {
                    fail(dev.latchkey.core.Async.unwrap(error));
                } else if (wait.isZero()) {
                    send();
                } else {
                    try {
                        options.sleeper().schedule(wait, this::send);
                    } catch (RuntimeException scheduling) {
                        fail(scheduling);
                    }
                }
            });
        }

        void send() {
            if (future.isDone()) {
                return;
            }
            Call call = p.newCall();
            current = call;
            if (future.isCancelled()) {
                call.cancel();
                return;
            }
            if (p.trace != null) {
                p.trace.attemptStarted();
            }
            call.enqueue(this);
        }

        @Override
        public void onFailure(Call call, IOException e) {
            try {
                failed(Failures.transport(p.origin, e, call.isCanceled() || future.isCancelled()));
            } catch (Throwable t) {
                fail(t);
            }
        }

        @Override
        public void onResponse(Call call, Response response) {
            T value;
            try {
                value = Exchange.handle(p, call, response, exchange -> exchange.parse(parser));
            } catch (LatchkeyException e) {
                failed(e);
                return;
            } catch (Throwable t) {
                // Whatever happens on OkHttp's thread (even an OutOfMemoryError) must end the future, not the thread
                // and the caller's wait with it.
                Exchange.closeQuietly(response);
                if (p.trace != null) {
                    p.trace.attemptEnded(t);
                }
                fail(t);
                return;
            }
            if (p.trace != null) {
                p.trace.attemptEnded(null);
            }
            if (context != null) {
                context.onComplete();
            }
            succeed(value);
        }

        private void failed(LatchkeyException e) {
            if (p.trace != null) {
                p.trace.attemptEnded(e);
            }
            if (future.isDone()) {
                return;
            }
            PreparedCall moved = p.movedAfter(e, moves);
            if (moved != null) {
                p = moved;
                moves++;
                attempt();
                return;
            }
            gate.pauseFor(e).whenComplete((v, ignored) -> decide(e));
        }

        private void decide(LatchkeyException e) {
            if (future.isDone()) {
                return;
            }
            long delay = nextDelay(context, e, p);
            if (delay < 0) {
                fail(e);
                return;
            }
            if (p.trace != null) {
                p.trace.retry(e, delay);
            }
            try {
                options.sleeper().schedule(Duration.ofMillis(delay), this::attempt);
            } catch (RuntimeException scheduling) {
                e.addSuppressed(scheduling);
                fail(e);
            }
        }
    }

    private Retry retryOf(RetryPolicy policy, int maxRetries) {
        RetryConfig config = RetryConfig.<Object>custom()
                .maxAttempts(maxRetries + 1)
                .retryOnException(t -> Failures.isRetryable(t, policy))
                .intervalBiFunction((attempt, either) -> {
                    Throwable t = either.isLeft() ? either.getLeft() : null;
                    if (t instanceof ApiException ae && ae.error().retryAfter() != null) {
                        return ae.error().retryAfter().toMillis();
                    }
                    return policy.backoffMillis(attempt);
                })
                .build();
        return Retry.of(name, config);
    }
}
