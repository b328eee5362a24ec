package dev.latchkey.core.error;

/**
 * An anti-bot wall (DDoS-Guard, Cloudflare and the like) answered instead of the API: the request never reached the
 * provider. Retrying at once does not help; the message says what the provider's wall wants (a header, fresh cookies
 * from a browser session, a slower pace).
 */
public class BotChallengeException extends ForbiddenException {
    private static final long serialVersionUID = 1L;

    /** @param error the wall's answer, with a message that says what to do */
    public BotChallengeException(ApiError error) {
        super(error);
    }
}
