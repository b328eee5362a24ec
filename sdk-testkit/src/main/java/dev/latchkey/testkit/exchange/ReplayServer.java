package dev.latchkey.testkit.exchange;

import dev.latchkey.testkit.FakeRequest;
import dev.latchkey.testkit.FakeResponse;
import dev.latchkey.testkit.FakeServer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A loopback server that answers recorded exchanges in order: each request must be the next exchange's (method, path,
 * and the JSON body, placeholders matching any value), and gets its recorded answer. A request that is not the one
 * recorded gets a 500 naming the difference, kept in {@link #problems()}. The client side of a conformance test: the
 * client meets exactly the answer the provider's source builds.
 */
public final class ReplayServer extends FakeServer<ReplayServer> {
    private final Deque<Exchange> pending = new ArrayDeque<>();
    private final List<String> problems = new ArrayList<>();

    private ReplayServer() {
    }

    /**
     * @param exchanges the exchanges to answer, in order (each with its recorded answer)
     * @return a started server
     */
    public static ReplayServer of(List<Exchange> exchanges) {
        ReplayServer s = new ReplayServer();
        s.load(exchanges);
        return s.start();
    }

    /** @param exchanges the next exchanges to answer, in order, replacing any not yet answered */
    public synchronized void load(List<Exchange> exchanges) {
        pending.clear();
        problems.clear();
        for (Exchange x : exchanges) {
            if (x.response() == null) {
                throw new IllegalArgumentException(x.name() + " has no recorded answer");
            }
            pending.add(x);
        }
    }

    /** @return how the requests differed from the recorded ones; empty when each was the one recorded */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** @return how many recorded exchanges were not asked for */
    public synchronized int unanswered() {
        return pending.size();
    }

    @Override
    public String name() {
        return "ReplayServer";
    }

    @Override
    public String baseUrl() {
        return origin();
    }

    @Override
    protected void resetState() {
        // the exchanges loaded are the state; reset by load()
    }

    @Override
    protected synchronized FakeResponse handle(FakeRequest request) {
        Exchange x = pending.poll();
        if (x == null) {
            problems.add(request.method() + " " + request.target() + ": no exchange left to answer it");
            return FakeResponse.builder().code(500).setHeader("Content-Type", "text/plain")
                    .body("replay: no exchange left").build();
        }
        List<String> diff = Conformance.requestDifferences(x.request(), request.method(), request.target(),
                request.body());
        if (!diff.isEmpty()) {
            diff.forEach(d -> problems.add(x.name() + ": " + d));
            return FakeResponse.builder().code(500).setHeader("Content-Type", "text/plain")
                    .body("replay: the request is not the recorded one: " + diff).build();
        }
        Exchange.Response r = x.response();
        FakeResponse.Builder b = FakeResponse.builder().code(r.status());
        r.headers().forEach(b::setHeader);
        return b.body(r.text() != null ? r.text() : r.body().toString()).build();
    }
}
