package dev.latchkey.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects fakes into test parameters, in the style of WireMock's {@code @WireMockTest}: a parameter (of a test, a
 * lifecycle method or the constructor) whose type is a fake gets one, started on a free port. One fake per type per
 * test class, reset to its seeded state before each test, closed after the class.
 *
 * <pre>{@code
 * @WithFakeServers
 * class FavoritesTest {
 *     @Test
 *     void listsFavorites(FakeKemono kemono) {
 *         KemonoClient client = KemonoClient.builder().baseUrl(kemono.baseUrl()).build();
 *         ...
 *     }
 * }
 * }</pre>
 *
 * A fake type qualifies if it extends {@link FakeServer} and has a public static {@code create()} method, as every
 * testkit fake does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeServerExtension.class)
public @interface WithFakeServers {
}
