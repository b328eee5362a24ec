package dev.latchkey.cli;

import java.util.Arrays;

/** The entry point of {@code latchkey}. */
public final class Main {
    private Main() {
    }

    /** @param args the command line */
    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v"));
        System.exit(LatchkeyCommand.commandLineFor(CliEnvironment.system(), args).execute(args));
    }

    /**
     * slf4j-simple reads its configuration once, when the first logger is made: set it before anything logs. HTTP
     * exchanges go to standard error at DEBUG (headers, redacted) only with {@code --verbose}.
     */
    static void configureLogging(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
        if (verbose) {
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
