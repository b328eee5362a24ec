package dev.latchkey.core.error;

import java.util.List;

/**
 * The provider rejected the input: a name too short or with bad characters, a malformed email, a password that fails
 * the policy, a rating out of range. {@link #failedRules()} names what failed, with the constants below where the
 * provider said which rule it was.
 */
public class ValidationException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** The name is too short or too long. */
    public static final String NAME_LENGTH = "name_length";
    /** The name has characters the provider does not allow. */
    public static final String NAME_CHARACTERS = "name_characters";
    /** The email address is not valid. */
    public static final String EMAIL = "email";
    /** The password does not meet the policy (details may follow as {@code password_*} rules). */
    public static final String PASSWORD_POLICY = "password_policy";

    /** The rules that failed, empty when the provider did not say. */
    private final List<String> failedRules;

    /**
     * @param error what the provider answered
     * @param failedRules the rules that failed, empty when the provider did not say
     */
    public ValidationException(ApiError error, List<String> failedRules) {
        super(error);
        this.failedRules = List.copyOf(failedRules);
    }

    /** @param error what the provider answered */
    public ValidationException(ApiError error) {
        this(error, List.of());
    }

    /** @return the rules that failed, empty when the provider did not say */
    public List<String> failedRules() {
        return failedRules;
    }
}
