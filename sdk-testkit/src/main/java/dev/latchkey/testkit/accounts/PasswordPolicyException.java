package dev.latchkey.testkit.accounts;

import java.util.List;

/** The password does not meet the policy; {@link #failedRules()} names each failed rule (aioaccount: {@code PasswordPolicyError}). */
public class PasswordPolicyException extends AccountDetailsException {
    private static final long serialVersionUID = 1L;

    /** The failed rules, such as {@code length(8)} or {@code uppercase(2)}. */
    private final List<String> failedRules;

    PasswordPolicyException(List<String> failedRules) {
        super("Password doesn't meet password policy: " + String.join(", ", failedRules) + '.');
        this.failedRules = List.copyOf(failedRules);
    }

    /** @return the failed rules, such as {@code length(8)} or {@code uppercase(2)} */
    public List<String> failedRules() {
        return failedRules;
    }
}
