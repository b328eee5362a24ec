package dev.latchkey.consumer;

import dev.latchkey.core.error.LatchkeyException;
import dev.latchkey.kemono.KemonoClient;

/**
 * The application's entry point, the launcher of its {@code jlink} image: {@code consumer BASE_URL USERNAME}, with the
 * password in {@code KEMONO_PASSWORD}; prints the account's favorite creators, one per line.
 */
public final class Main {
    private Main() {
    }

    /**
     * @param args the Kemono base URL and the username
     */
    public static void main(String[] args) {
        String password = System.getenv("KEMONO_PASSWORD");
        if (args.length != 2 || password == null) {
            System.err.println("usage: KEMONO_PASSWORD=... consumer BASE_URL USERNAME");
            System.exit(2);
        }
        try (KemonoClient kemono = KemonoClient.builder().baseUrl(args[0]).build()) {
            FavoriteNames.kemono(kemono.login(args[1], password)).forEach(System.out::println);
        } catch (LatchkeyException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
