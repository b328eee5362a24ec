package dev.latchkey.testkit.accounts;

import java.util.ArrayList;
import java.util.List;

/**
 * A password policy with named rules, as aioaccount's (after the {@code password_strength} library): a minimum length
 * and minimum counts of uppercase letters, numbers, special characters (neither letter nor number) and non-letters.
 * A rule with minimum 0 is off. {@link #check} names every rule that failed, for example {@code [length(8),
 * special(2)]}.
 *
 * @param length minimum length in code points
 * @param uppercase minimum uppercase letters
 * @param numbers minimum numbers (Unicode category N)
 * @param special minimum characters that are neither letters nor numbers
 * @param nonLetters minimum characters that are not letters
 */
public record PasswordPolicy(int length, int uppercase, int numbers, int special, int nonLetters) {

    /** aioaccount's default: length 8, 2 uppercase, 2 numbers, 2 special, 2 non-letters. */
    public static final PasswordPolicy AIOACCOUNT_DEFAULT = new PasswordPolicy(8, 2, 2, 2, 2);

    /**
     * Creates a {@code PasswordPolicy}, checking and normalizing its components.
     *
     * @param length minimum length in code points
     * @param uppercase minimum uppercase letters
     * @param numbers minimum numbers (Unicode category N)
     * @param special minimum characters that are neither letters nor numbers
     * @param nonLetters minimum characters that are not letters
     */
    public PasswordPolicy {
        if (length < 0 || uppercase < 0 || numbers < 0 || special < 0 || nonLetters < 0) {
            throw new IllegalArgumentException("policy minimums must be 0 or more");
        }
    }

    /**
     * @param length minimum length in code points
     * @return a policy with only a minimum length (Karaoke Mugen's rule, for example)
     */
    public static PasswordPolicy minLength(int length) {
        return new PasswordPolicy(length, 0, 0, 0, 0);
    }

    /**
     * @param password the candidate
     * @return the names of the failed rules, empty if it passes
     */
    public List<String> check(String password) {
        int len = 0;
        int up = 0;
        int num = 0;
        int spec = 0;
        int nonLetter = 0;
        for (int i = 0; i < password.length();) {
            int cp = password.codePointAt(i);
            i += Character.charCount(cp);
            len++;
            boolean letter = Character.isLetter(cp);
            boolean number = isNumber(cp);
            if (Character.getType(cp) == Character.UPPERCASE_LETTER) {
                up++;
            }
            if (number) {
                num++;
            }
            if (!letter && !number) {
                spec++;
            }
            if (!letter) {
                nonLetter++;
            }
        }
        List<String> failed = new ArrayList<>();
        if (len < length) {
            failed.add("length(" + length + ")");
        }
        if (up < uppercase) {
            failed.add("uppercase(" + uppercase + ")");
        }
        if (num < numbers) {
            failed.add("numbers(" + numbers + ")");
        }
        if (spec < special) {
            failed.add("special(" + special + ")");
        }
        if (nonLetter < nonLetters) {
            failed.add("nonletters(" + nonLetters + ")");
        }
        return failed;
    }

    private static boolean isNumber(int cp) {
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }
}
