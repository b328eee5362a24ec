package dev.latchkey.testkit.accounts;

import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Which account names a provider accepts. The account store applies aioaccount's rule unless given another; each fake
 * applies its provider's own, so that a name the real provider takes ({@code johnny_appleseed} on TMDb,
 * {@code some-user} on Kemono) works in a test.
 */
public final class NameRule {
    /** aioaccount (and Eternaltwin): 3 to 128 letters or digits, any script. */
    public static final NameRule AIOACCOUNT =
            of("aioaccount", 3, 128, Character::isLetterOrDigit, "Name may only contain letters and digits.");
    /**
     * Kemono: any name at all; the one refusal, a name blank after stripping ("Username cannot be empty"), is the
     * register route's (Kemono2 src/pages/account/blueprint.py:194-196; {@code username varchar}, schema.sql).
     */
    public static final NameRule KEMONO = of("Kemono", 1, Integer.MAX_VALUE, cp -> true, "");
    /** TMDb: 1 to 32 ASCII letters, digits, {@code _}, {@code -} or {@code .} ({@code johnny_appleseed}). */
    public static final NameRule TMDB = of("TMDb", 1, 32,
            cp -> cp < 128 && (Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.'),
            "Name may only contain ASCII letters, digits, '_', '-' and '.'.");
    /**
     * The Karaoke Mugen App: 1 to 64 letters, digits, {@code _}, {@code -} or {@code .}; never {@code @}, which marks
     * an online account ({@code name@instance}).
     */
    public static final NameRule KARAOKE_MUGEN = of("Karaoke Mugen", 1, 64,
            cp -> Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.',
            "Name may only contain letters, digits, '_', '-' and '.'.");

    private final String provider;
    private final int minLength;
    private final int maxLength;
    private final IntPredicate allowed;
    private final String refusal;

    private NameRule(String provider, int minLength, int maxLength, IntPredicate allowed, String refusal) {
        this.provider = provider;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.allowed = allowed;
        this.refusal = refusal;
    }

    /**
     * @param provider whose rule it is, for messages
     * @param minLength the fewest code points, 1 or more
     * @param maxLength the most code points
     * @param allowed which code points a name may hold
     * @param refusal the message when a name holds a character not allowed
     * @return the rule
     */
    public static NameRule of(String provider, int minLength, int maxLength, IntPredicate allowed,
            String refusal) {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("lengths must satisfy 1 <= min <= max: " + minLength + ", " + maxLength);
        }
        return new NameRule(Objects.requireNonNull(provider, "provider"), minLength, maxLength,
                Objects.requireNonNull(allowed, "allowed"), Objects.requireNonNull(refusal,
                        "refusal"));
    }

    /**
     * @param name a proposed name
     * @throws NameLengthInvalidException if it is too short or too long
     * @throws NameInvalidCharactersException if it holds a character the provider refuses
     */
    public void check(String name) {
        int length = name.codePointCount(0, name.length());
        if (length < minLength || length > maxLength) {
            throw new NameLengthInvalidException("Name must be " + minLength + " to " + maxLength + " characters.");
        }
        if (!name.codePoints().allMatch(allowed)) {
            throw new NameInvalidCharactersException(refusal);
        }
    }

    @Override
    public String toString() {
        return provider + " names: " + minLength + " to " + maxLength + " characters";
    }
}
