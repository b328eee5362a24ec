/**
 * What Karaoke Mugen answers and what it is sent: users, their types, profile edits and songs, as the app's own code
 * builds them (a flag the app leaves {@code NULL} reads as {@code false}).
 *
 * <pre>{@code
 * for (UserSummary u : op.users()) {
 *     System.out.println(u.login() + " " + u.type().map(UserType::toString).orElse("?"));
 * }
 * }</pre>
 */
package dev.latchkey.karaokemugen.model;
