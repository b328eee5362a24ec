package dev.latchkey.core.observe;

import java.time.Duration;
import java.util.Optional;

/**
 * A rejected or missing session was renewed: by a login this worker led, or by waiting for another sharer's (a thread
 * of this process, a process of this machine, a worker of the fleet).
 *
 * @param provider the provider's name, from the store key
 * @param storeKey the key the session is stored under ({@code kemono:https://kemono.cr/api#alice}): a user name, no
 *     secret
 * @param led whether this worker logged in; {@code false}: it used another's login
 * @param outcome success, error or cancelled
 * @param errorType the simple name of the exception it failed with, if it failed
 * @param duration how long the renewal took, waits included
 */
public record Relogin(String provider, String storeKey, boolean led, Outcome outcome, Optional<String> errorType,
        Duration duration) {
}
