package dev.latchkey.core.observe;

/** How a call, a re-login or a store access ended. */
public enum Outcome {
    /** It did what was asked. */
    SUCCESS,
    /** It failed; the event names the typed exception. */
    ERROR,
    /** The caller cancelled it (a future cancelled, a thread interrupted). */
    CANCELLED
}
