/**
 * The user store behind the fakes (names, e-mails, password hashes, confirmation and reset codes), with each
 * provider's name rule and password policy.
 *
 * <pre>{@code
 * AccountStore store = AccountStore.builder().nameRule(NameRule.KEMONO).build();
 * UserRecord u = store.createAccount("s3cret-pass", null, "alice");
 * }</pre>
 */
package dev.latchkey.testkit.accounts;
