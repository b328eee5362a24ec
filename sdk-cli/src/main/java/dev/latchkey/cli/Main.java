package dev.latchkey.cli;

import java.util.Arrays;

/** The entry point of {@code latchkey}. */
public final class Main {
    private Main() {
    }

    /** @param args the command line */
    public static void main(String[] args) {
        configureLogging(verbosity(args));
        System.exit(LatchkeyCommand.commandLineFor(CliEnvironment.system(), args).execute(args));
    }

    /**
     * slf4j-simple reads its configuration once, when the first logger is made: set it before anything logs. With
     * {@code -v} each call is one line on standard error; with {@code -vv} its HTTP exchanges too (headers,
     * redacted).
     */
    /** @return how often -v or --verbose is given ({@code -vv} counts twice) */
    static int verbosity(String[] args) {
        int n = 0;
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--verbose")) {
                n++;
            } else if (a.matches("-v+")) {
                n += a.length() - 1;
            }
        }
        return n;
    }

    static void configureLogging(int verbosity) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
        if (verbosity >= 1) {
            // One line per call, from the call log's observer: operation, status, attempts, time, waits, request id.
            System.setProperty("org.slf4j.simpleLogger.log.dev.latchkey.call", "debug");
        }
        if (verbosity >= 2) {
            System.setProperty("org.slf4j.simpleLogger.log.dev.latchkey.http", "debug");
        }
        // At TRACE, Lettuce (fleet mode's Redis client) logs the bytes it writes, the AUTH password among them:
        // never below DEBUG, whatever LATCHKEY_JAVA_OPTS asks for.
        String lettuce = System.getProperty(LETTUCE_LEVEL, "warn");
        if (lettuce.equalsIgnoreCase("trace") || lettuce.equalsIgnoreCase("all")) {
            System.setProperty(LETTUCE_LEVEL, "debug");
        } else if (System.getProperty(LETTUCE_LEVEL) == null) {
            System.setProperty(LETTUCE_LEVEL, "warn");
        }
    }

    /** slf4j-simple's level property for Lettuce's loggers. */
    static final String LETTUCE_LEVEL = "org.slf4j.simpleLogger.log.io.lettuce";
}
