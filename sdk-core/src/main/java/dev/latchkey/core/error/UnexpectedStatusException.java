package dev.latchkey.core.error;

/** An HTTP status that no other category covers. */
public class UnexpectedStatusException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** @param error what the provider answered */
    public UnexpectedStatusException(ApiError error) {
        super(error);
    }
}
