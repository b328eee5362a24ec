/**
 * What Eternaltwin answers, and the start of a login: a {@link dev.latchkey.eternaltwin.model.User} (its id and
 * display name required, the other facts {@code Optional}) and an {@link dev.latchkey.eternaltwin.model.Authorization}.
 *
 * <pre>{@code
 * User u = etwin.user(id).orElseThrow();
 * System.out.println(u.displayName() + (u.administrator().orElse(false) ? " (administrator)" : ""));
 * }</pre>
 */
package dev.latchkey.eternaltwin.model;
