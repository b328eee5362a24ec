package dev.latchkey.core.error;

/**
 * The authorization server sent the user back without a code: the user refused, or the server refused the request
 * ({@code error} in the redirect, RFC 6749 section 4.1.2.1). Raised only after the redirect's state was verified, so
 * it comes from the server this client asked.
 */
public class AuthorizationDeniedException extends LatchkeyException {
    private static final long serialVersionUID = 1L;

    /** The redirect's {@code error} code, for example {@code access_denied}. */
    private final String error;

    /**
     * @param error the redirect's {@code error} code, for example {@code access_denied}
     * @param description the redirect's {@code error_description}, or {@code null}
     */
    public AuthorizationDeniedException(String error, String description) {
        super("the authorization was refused: " + clip(error) + (description == null ? ""
                : " (" + clip(description) + ")"));
        this.error = clip(error);
    }

    /** @return the redirect's {@code error} code, for example {@code access_denied} */
    public String error() {
        return error;
    }

    /** A redirect's parameters are the browser's to choose: kept short and printable. */
    private static String clip(String text) {
        if (text == null) {
            return "unknown";
        }
        String printable = text.codePoints().filter(c -> c >= 0x20 && c != 0x7f).limit(120)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.isEmpty() ? "unknown" : printable;
    }
}
