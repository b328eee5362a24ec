package dev.latchkey.testkit.karaokemugen;

import dev.latchkey.testkit.accounts.AccountException;
import dev.latchkey.testkit.accounts.AccountStore;
import dev.latchkey.testkit.accounts.NameRule;
import dev.latchkey.testkit.accounts.PasswordPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Karaoke Mugen online instance (the Karaoke Mugen Server at {@code kara.moe}, say) as the app sees it: online
 * accounts ({@code name@instance}), their tokens, their anime lists, and the password-reset mails it sends. The app
 * fake calls it in-process where the real app calls {@code https://{instance}/api/...} (research section 2.1): the
 * SDK never talks to it directly. Thread-safe.
 */
public final class FakeOnlineInstance {
    private final String instance;
    private final AccountStore accounts;
    private final byte[] secret = ("km-server-secret-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
    private final Map<String, List<Integer>> animeLists = new LinkedHashMap<>();
    private final List<String> mails = new ArrayList<>();
    private boolean reachable = true;

    /** @param instance the instance's host name, for example {@code kara.moe} */
    public FakeOnlineInstance(String instance) {
        this.instance = instance;
        this.accounts = AccountStore.builder().nameRule(NameRule.KARAOKE_MUGEN)
                .passwordPolicy(PasswordPolicy.minLength(8)).hashIterations(1_000).build();
    }

    /** @return the instance's host name */
    public String instance() {
        return instance;
    }

    /**
     * Adds an online account.
     *
     * @param name the local part (the App's name rule, {@link NameRule#KARAOKE_MUGEN})
     * @param password its password
     * @param animeIds the anime of its list (AniList ids)
     */
    public synchronized void addAccount(String name, String password, List<Integer> animeIds) {
        accounts.createAccount(password, null, name);
        animeLists.put(name, List.copyOf(animeIds));
    }

    /**
     * @param name the login
     * @return whether the instance has this account
     */
    public synchronized boolean hasAccount(String name) {
        return accounts.users().stream().anyMatch(u -> u.name().map(name::equals).orElse(false));
    }

    /**
     * @param reachable whether the app can reach this instance (default true); an unreachable one is what the app
     *     sees when the instance is down or its name does not resolve
     */
    public synchronized void reachable(boolean reachable) {
        this.reachable = reachable;
    }

    synchronized boolean isReachable() {
        return reachable;
    }

    /** @return the password-reset mails sent, one line each ({@code to: name}) */
    public synchronized List<String> mails() {
        return List.copyOf(mails);
    }

    synchronized Optional<String> login(String name, String password) {
        try {
            accounts.login(name, password, false);
            return Optional.of(KmWire.token(name + '@' + instance, "user", secret));
        } catch (AccountException e) {
            return Optional.empty();
        }
    }

    synchronized boolean checkToken(String token, String login) {
        return KmWire.verify(token, secret).map(c -> c.path("username").asText().equals(login)).orElse(false);
    }

    /** @return false if the name is taken there */
    synchronized boolean create(String name, String password) {
        if (hasAccount(name)) {
            return false;
        }
        accounts.createAccount(password, null, name);
        animeLists.put(name, List.of());
        return true;
    }

    synchronized void delete(String name) {
        accounts.users().stream().filter(u -> u.name().map(name::equals).orElse(false)).findFirst()
                .ifPresent(u -> accounts.user(u.userId()).delete());
        animeLists.remove(name);
    }

    synchronized void sendResetMail(String name) {
        mails.add("to: " + name);
    }

    synchronized List<Integer> animeList(String name) {
        return animeLists.getOrDefault(name, List.of());
    }

    synchronized void clear() {
        reachable = true;
        accounts.clear();
        animeLists.clear();
        mails.clear();
    }

    @Override
    public String toString() {
        return "FakeOnlineInstance{" + instance + '}';
    }
}
