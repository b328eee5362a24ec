package dev.latchkey.testkit.accounts;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An in-memory account store with aioaccount's rules, for fake servers (every Latchkey fake uses one) and for users'
 * own fakes. Thread-safe.
 *
 * <ul>
 *   <li>An account has a name, an email, or both. Names follow the store's {@link NameRule} (aioaccount's by default:
 *   3 to 128 letters or digits, any script; each fake sets its provider's); emails are checked
 *   for syntax and normalized (domain lower-cased). Names and emails are unique, case-insensitively, and a creation
 *   race has exactly one winner.</li>
 *   <li>Passwords must pass the {@link PasswordPolicy} and are stored as salted PBKDF2 hashes. A login for an unknown
 *   user costs the same hash work as a wrong password, and says the same thing.</li>
 *   <li>Email confirmation and password reset codes are 256 random bits, URL-safe; they are stored hashed, compared in
 *   constant time, expire (24 h by default, on the injected clock) and work once.</li>
 * </ul>
 *
 * <p>Unlike aioaccount: {@code users(false)} returns accounts whose confirmation is pending; confirming an email that
 * has no pending code is {@link UnableToConfirmEmailException}, not a crash; a password-reset request whose new
 * password fails the policy neither uses up nor reveals the validity of the code (the policy is checked first); times
 * are instants, not local time.
 */
public final class AccountStore {
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    /** Wrong guesses a reset or confirmation code tolerates before it is void. */
    static final int MAX_CODE_ATTEMPTS = 5;

    private final PasswordPolicy policy;
    private final NameRule nameRule;
    private final boolean caseSensitiveNames;
    private final Clock clock;
    private final Duration resetCodeTtl;
    private final Duration confirmCodeTtl;
    private final boolean requireEmailConfirmation;
    private final PasswordHasher hasher;
    private final SecureRandom random;

    private final Object lock = new Object();
    private final Map<String, Account> byId = new LinkedHashMap<>();
    private final Map<String, String> idByName = new HashMap<>();
    private final Map<String, String> idByEmail = new HashMap<>();
    private final Map<String, String> lastConfirmationCode = new HashMap<>();

    /** Mutable state of one account; guarded by {@link #lock}. */
    private static final class Account {
        final String id;
        final Instant createdAt;
        String name;
        String email;
        Boolean emailConfirmed;
        byte[] passwordHash;
        Code confirmCode;
        Code resetCode;

        Account(String id, Instant createdAt) {
            this.id = id;
            this.createdAt = createdAt;
        }

        UserRecord record() {
            return new UserRecord(id, Optional.ofNullable(name), Optional.ofNullable(email), emailConfirmed,
                    createdAt);
        }
    }

    private static final class Code {
        final byte[] hash;
        final Instant expiresAt;
        int wrongAttempts;

        Code(byte[] hash, Instant expiresAt) {
            this.hash = hash;
            this.expiresAt = expiresAt;
        }
    }

    private AccountStore(Builder b) {
        this.policy = b.policy;
        this.nameRule = b.nameRule;
        this.caseSensitiveNames = b.caseSensitiveNames;
        this.clock = b.clock;
        this.resetCodeTtl = b.resetCodeTtl;
        this.confirmCodeTtl = b.confirmCodeTtl;
        this.requireEmailConfirmation = b.requireEmailConfirmation;
        this.random = new SecureRandom();
        this.hasher = new PasswordHasher(b.hashIterations, random);
    }

    /** @return a builder with aioaccount's defaults (its password policy, 24 h codes, no email confirmation) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the password policy */
    public PasswordPolicy policy() {
        return policy;
    }

    /** @return the rule names must follow */
    public NameRule nameRule() {
        return nameRule;
    }

    /** @return the clock codes expire on */
    public Clock clock() {
        return clock;
    }

    /**
     * Creates an account (aioaccount's {@code create_account}). Checks, in order: a name or an email is given; name
     * length; name characters; the password policy; email syntax; name and email unused.
     *
     * @param password the password
     * @param email the email, or {@code null}
     * @param name the name, or {@code null}
     * @return the new account
     */
    public UserRecord createAccount(String password, String email, String name) {
        if (isBlank(email) && isBlank(name)) {
            throw new AccountDetailsException("A name or an email is required.");
        }
        if (name != null) {
            checkName(name);
        }
        checkPassword(password);
        String normalizedEmail = email == null ? null : normalizeEmail(email);
        byte[] hash = hasher.hash(password); // outside the lock: hashing is the slow part
        synchronized (lock) {
            if (name != null && idByName.containsKey(nameKey(name))
                    || normalizedEmail != null && idByEmail.containsKey(key(normalizedEmail))) {
                throw new DetailsExistException();
            }
            Account a = new Account(UUID.randomUUID().toString().replace("-", ""), clock.instant());
            a.name = name;
            a.email = normalizedEmail;
            a.passwordHash = hash;
            if (requireEmailConfirmation && normalizedEmail != null) {
                a.emailConfirmed = Boolean.FALSE;
                issueConfirmation(a);
            }
            byId.put(a.id, a);
            if (name != null) {
                idByName.put(nameKey(name), a.id);
            }
            if (normalizedEmail != null) {
                idByEmail.put(key(normalizedEmail), a.id);
            }
            return a.record();
        }
    }

    /**
     * Logs in by name or email (aioaccount's {@code login}). Every failure is the same {@link InvalidLoginException},
     * after the same hash work, so a caller cannot tell which names exist.
     *
     * @param nameOrEmail the name or email
     * @param password the password
     * @param requireEmailConfirmed refuse accounts whose email confirmation is pending
     * @return the account
     */
    public UserRecord login(String nameOrEmail, String password, boolean requireEmailConfirmed) {
        if (isBlank(nameOrEmail) || password == null) {
            throw new AccountDetailsException("A name or an email, and a password, are required.");
        }
        byte[] hash;
        Account account;
        synchronized (lock) {
            account = find(nameOrEmail);
            hash = account == null ? null : account.passwordHash;
        }
        boolean ok = hasher.verify(password, hash);
        synchronized (lock) {
            if (!ok || account == null || !byId.containsKey(account.id)
                    || requireEmailConfirmed && Boolean.FALSE.equals(account.emailConfirmed)) {
                throw new InvalidLoginException();
            }
            return account.record();
        }
    }

    /**
     * Confirms an email with the code sent to it (aioaccount's {@code confirm_email}).
     *
     * @param email the email
     * @param code the code
     * @return the account
     */
    public UserRecord confirmEmail(String email, String code) {
        synchronized (lock) {
            String id = email == null ? null : idByEmail.get(key(normalizeEmailQuietly(email)));
            Account a = id == null ? null : byId.get(id);
            if (a == null || a.confirmCode == null || !consume(a.confirmCode, code)) {
                throw new UnableToConfirmEmailException();
            }
            a.confirmCode = null;
            a.emailConfirmed = Boolean.TRUE;
            return a.record();
        }
    }

    /**
     * The confirmation code last "mailed" to an email: tests read it here as they would from a mail catcher.
     *
     * @param email the email
     * @return the code, if one is pending
     */
    public Optional<String> lastConfirmationCode(String email) {
        synchronized (lock) {
            return Optional.ofNullable(lastConfirmationCode.get(key(normalizeEmailQuietly(email))));
        }
    }

    /**
     * Finds an account by name or email (aioaccount's {@code to_user}); prefer ids, which never move to another user.
     *
     * @param nameOrEmail the name or email
     * @return a handle on the account
     * @throws AccountDetailsException if none has it
     */
    public UserHandle toUser(String nameOrEmail) {
        synchronized (lock) {
            Account a = isBlank(nameOrEmail) ? null : find(nameOrEmail);
            if (a == null) {
                throw new AccountDetailsException("No user found with those details.");
            }
            return new UserHandle(this, a.id);
        }
    }

    /** @return every account, in creation order */
    public List<UserRecord> users() {
        synchronized (lock) {
            return byId.values().stream().map(Account::record).toList();
        }
    }

    /**
     * @param emailConfirmed {@code true}: confirmed emails; {@code false}: confirmation pending
     * @return the accounts in that state, in creation order
     */
    public List<UserRecord> users(boolean emailConfirmed) {
        synchronized (lock) {
            List<UserRecord> out = new ArrayList<>();
            for (Account a : byId.values()) {
                if (Boolean.valueOf(emailConfirmed).equals(a.emailConfirmed)) {
                    out.add(a.record());
                }
            }
            return out;
        }
    }

    /**
     * @param userId an account id
     * @return a handle; it is checked when used ({@link UserIdException} if no account has the id)
     */
    public UserHandle user(String userId) {
        return new UserHandle(this, Objects.requireNonNull(userId, "userId"));
    }

    /** Removes every account. */
    public void clear() {
        synchronized (lock) {
            byId.clear();
            idByName.clear();
            idByEmail.clear();
            lastConfirmationCode.clear();
        }
    }

    // --- operations behind UserHandle --------------------------------------------------------------------------

    UserRecord get(String id) {
        synchronized (lock) {
            return require(id).record();
        }
    }

    void updatePassword(String id, String current, String next) {
        byte[] hash;
        synchronized (lock) {
            Account a = byId.get(id);
            hash = a == null ? null : a.passwordHash;
        }
        if (!hasher.verify(current == null ? "" : current, hash)) {
            throw new InvalidLoginException();
        }
        checkPassword(next);
        byte[] nextHash = hasher.hash(next);
        synchronized (lock) {
            Account a = byId.get(id);
            if (a == null || a.passwordHash != hash) {
                throw new InvalidLoginException(); // deleted, or changed meanwhile
            }
            a.passwordHash = nextHash;
        }
    }

    void updateName(String id, String name) {
        checkName(name);
        synchronized (lock) {
            Account a = require(id);
            String owner = idByName.get(nameKey(name));
            if (owner != null && !owner.equals(id)) {
                throw new DetailsExistException();
            }
            if (a.name != null) {
                idByName.remove(nameKey(a.name));
            }
            a.name = name;
            idByName.put(nameKey(name), id);
        }
    }

    void updateEmail(String id, String email) {
        String normalized = normalizeEmail(email);
        synchronized (lock) {
            Account a = require(id);
            if (idByEmail.containsKey(key(normalized))) {
                throw new DetailsExistException(); // including the account's own current email, as aioaccount
            }
            if (a.email != null) {
                idByEmail.remove(key(a.email));
                lastConfirmationCode.remove(key(a.email));
            }
            a.email = normalized;
            idByEmail.put(key(normalized), id);
            if (requireEmailConfirmation) {
                a.emailConfirmed = Boolean.FALSE;
                issueConfirmation(a);
            }
        }
    }

    String resetPassword(String id) {
        synchronized (lock) {
            Account a = require(id);
            String code = newCode();
            a.resetCode = new Code(PasswordHasher.sha256(code), clock.instant().plus(resetCodeTtl));
            return code;
        }
    }

    void confirmPasswordReset(String id, String newPassword, String code) {
        checkPassword(newPassword);
        byte[] hash = hasher.hash(newPassword);
        synchronized (lock) {
            Account a = byId.get(id);
            if (a == null || a.resetCode == null || !consume(a.resetCode, code)) {
                throw new PasswordResetInvalidException();
            }
            a.resetCode = null;
            a.passwordHash = hash;
        }
    }

    void delete(String id) {
        synchronized (lock) {
            Account a = byId.remove(id);
            if (a != null) {
                if (a.name != null) {
                    idByName.remove(nameKey(a.name));
                }
                if (a.email != null) {
                    idByEmail.remove(key(a.email));
                    lastConfirmationCode.remove(key(a.email));
                }
            }
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Account require(String id) {
        Account a = byId.get(id);
        if (a == null) {
            throw new UserIdException();
        }
        return a;
    }

    private Account find(String nameOrEmail) {
        String id = idByName.get(nameKey(nameOrEmail));
        if (id == null) {
            id = idByEmail.get(key(normalizeEmailQuietly(nameOrEmail)));
        }
        return id == null ? null : byId.get(id);
    }

    /** Checks a code in constant time; a wrong guess counts, and too many void the code. Caller holds the lock. */
    private boolean consume(Code c, String given) {
        if (given == null || !clock.instant().isBefore(c.expiresAt) || c.wrongAttempts >= MAX_CODE_ATTEMPTS) {
            return false;
        }
        if (!MessageDigest.isEqual(c.hash, PasswordHasher.sha256(given))) {
            c.wrongAttempts++;
            return false;
        }
        return true;
    }

    private void issueConfirmation(Account a) {
        String code = newCode();
        a.confirmCode = new Code(PasswordHasher.sha256(code), clock.instant().plus(confirmCodeTtl));
        lastConfirmationCode.put(key(a.email), code);
    }

    private String newCode() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return B64URL.encodeToString(bytes);
    }

    private void checkPassword(String password) {
        if (password == null) {
            throw new PasswordPolicyException(List.of("length(" + policy.length() + ")"));
        }
        List<String> failed = policy.check(password);
        if (!failed.isEmpty()) {
            throw new PasswordPolicyException(failed);
        }
    }

    private void checkName(String name) {
        nameRule.check(name);
    }

    static String normalizeEmail(String email) {
        if (email == null || !EMAIL.matcher(email.strip()).matches() || email.strip().length() > 254) {
            throw new EmailInvalidException();
        }
        String e = email.strip();
        int at = e.lastIndexOf('@');
        return e.substring(0, at) + '@' + e.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static String normalizeEmailQuietly(String email) {
        try {
            return normalizeEmail(email);
        } catch (EmailInvalidException e) {
            return email;
        }
    }

    /** Names compare as the provider compares them: case-insensitive (aioaccount) or exactly as typed (Kemono). */
    private String nameKey(String name) {
        return caseSensitiveNames ? name : key(name);
    }

    private static String key(String nameOrEmail) {
        return nameOrEmail.toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "AccountStore{accounts=" + byId.size() + ", policy=" + policy + '}';
        }
    }

    /** Builds an {@link AccountStore}. */
    public static final class Builder {
        private PasswordPolicy policy = PasswordPolicy.AIOACCOUNT_DEFAULT;
        private NameRule nameRule = NameRule.AIOACCOUNT;
        private Clock clock = Clock.systemUTC();
        private Duration resetCodeTtl = Duration.ofHours(24);
        private Duration confirmCodeTtl = Duration.ofHours(24);
        private boolean requireEmailConfirmation;
        private int hashIterations = 100_000;
        private boolean caseSensitiveNames;

        private Builder() {
        }

        /**
         * Names compare exactly as typed, as a provider's {@code WHERE username = %s} does ({@code Alice} and
         * {@code alice} are two accounts); by default they compare case-insensitively, as aioaccount's do.
         *
         * @return this builder
         */
        public Builder caseSensitiveNames() {
            this.caseSensitiveNames = true;
            return this;
        }

        /**
         * @param policy the password policy (each provider has its own)
         * @return this builder
         */
        public Builder passwordPolicy(PasswordPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param rule which names accounts may have ({@link NameRule#AIOACCOUNT} by default)
         * @return this builder
         */
        public Builder nameRule(NameRule rule) {
            this.nameRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * @param clock the clock codes expire on
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param ttl how long a password reset code works (24 h by default)
         * @return this builder
         */
        public Builder resetCodeTtl(Duration ttl) {
            this.resetCodeTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * @param ttl how long an email confirmation code works (24 h by default)
         * @return this builder
         */
        public Builder confirmCodeTtl(Duration ttl) {
            this.confirmCodeTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * @param require whether accounts with an email must confirm it (aioaccount with SMTP configured)
         * @return this builder
         */
        public Builder requireEmailConfirmation(boolean require) {
            this.requireEmailConfirmation = require;
            return this;
        }

        /**
         * @param iterations PBKDF2 iterations (100,000 by default; tests lower it to run fast)
         * @return this builder
         */
        public Builder hashIterations(int iterations) {
            this.hashIterations = iterations;
            return this;
        }

        /** @return the store */
        public AccountStore build() {
            return new AccountStore(this);
        }
    }
}
