package dev.latchkey.core.observe;

import java.time.Duration;

/**
 * An attempt waited for the client's rate budget before it went.
 *
 * @param call the call
 * @param attempt the attempt that waited
 * @param budget the budget's name
 * @param waited how long
 */
public record BudgetWaited(ObservedCall call, int attempt, String budget, Duration waited) {
}
