package dev.latchkey.core.http;

import dev.latchkey.core.auth.Session;
import dev.latchkey.core.auth.SessionStore;
import dev.latchkey.core.error.ApiException;
import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.core.error.TransportException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;

/**
 * Where a client's calls go when a site moves (Kemono from {@code .party} to {@code .su} to {@code .cr}): the
 * configured base URL, then its mirrors, in order. A call that cannot connect, or that a site answers with a 5xx, goes
 * to the next; a redirect is followed only to one of these sites; a 4xx never moves (the site answered: the request
 * was wrong). The site that worked is remembered in the session store under the configured base URL, so the next
 * process starts there. Shared by a client and everything derived from it.
 */
final class Sites {
    private final List<HttpUrl> urls;
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicBoolean recalled = new AtomicBoolean();
    private final String memoKey;

    Sites(List<HttpUrl> urls, String provider) {
        this.urls = List.copyOf(urls);
        this.memoKey = "latchkey-site:" + provider + ':' + urls.get(0);
    }

    /** @return whether these are the same sites, in the same order */
    boolean sameAs(List<HttpUrl> others) {
        return urls.equals(others);
    }

    /** @return whether there is anywhere to move: mirrors were given */
    boolean movable() {
        return urls.size() > 1;
    }

    /** @return the index of the site calls go to now */
    int current(SessionStore store) {
        if (movable() && recalled.compareAndSet(false, true)) {
            // Once per process: where the last one found the site working.
            try {
                store.load(memoKey).flatMap(s -> s.attribute("base_url")).map(this::indexOf)
                        .filter(i -> i >= 0).ifPresent(current::set);
            } catch (RuntimeException unreadable) {
                // The configured site then: a store that cannot say does not stop a call.
            }
        }
        return current.get();
    }

    HttpUrl url(int index) {
        return urls.get(index);
    }

    /**
     * @param from the site the failed attempt went to
     * @param failure what it ended in
     * @param store where the working site is remembered
     * @return the site to try now, or -1 to not move (no mirrors, a 4xx, every site tried by this call)
     */
    int moveAfter(int from, LatchkeyException failure, SessionStore store, int movesSoFar) {
        if (!movable() || movesSoFar >= urls.size() - 1) {
            return -1;
        }
        int to = -1;
        if (failure instanceof TransportException t && t.kind() == TransportException.Kind.CONNECT) {
            to = (from + 1) % urls.size();
        } else if (failure instanceof ApiException a && a.error().status() >= 500) {
            to = (from + 1) % urls.size();
        } else if (failure instanceof ApiException a && a.error().status() >= 300 && a.error().status() < 400) {
            // Only to one of the client's own sites: a redirect elsewhere is reported, not followed.
            to = a.error().header("Location").map(l -> urls.get(from).resolve(l)).map(this::originIndex).orElse(-1);
            if (to == from) {
                to = -1;
            }
        }
        if (to >= 0 && current.compareAndSet(from, to)) {
            remember(store, to);
        }
        return to;
    }

    private void remember(SessionStore store, int index) {
        try {
            store.save(memoKey, Session.builder("latchkey").attribute("base_url", urls.get(index).toString())
                    .build());
        } catch (RuntimeException unwritable) {
            // Remembered in this process only.
        }
    }

    private int indexOf(String url) {
        for (int i = 0; i < urls.size(); i++) {
            if (urls.get(i).toString().equals(url)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the site with the redirect's scheme, host and port, or -1 */
    private int originIndex(HttpUrl target) {
        if (target == null) {
            return -1;
        }
        for (int i = 0; i < urls.size(); i++) {
            HttpUrl u = urls.get(i);
            if (u.scheme().equals(target.scheme()) && u.host().equals(target.host()) && u.port() == target.port()) {
                return i;
            }
        }
        return -1;
    }
}
