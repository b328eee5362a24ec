/**
 * JSON helpers the models share: {@link dev.latchkey.core.json.OpenEnum}, a value that keeps the values a provider
 * adds later instead of failing on them.
 *
 * <pre>{@code
 * Service s = post.service();                  // an OpenEnum: FANBOX, PATREON, ... or a new one
 * s.known().ifPresentOrElse(k -> show(k), () -> show(s.value()));
 * }</pre>
 */
package dev.latchkey.core.json;
