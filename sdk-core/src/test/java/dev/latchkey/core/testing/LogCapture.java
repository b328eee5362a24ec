package dev.latchkey.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures everything logged under {@code dev.latchkey} at the most verbose level (TRACE) while open. Use it in
 * try-with-resources around a whole flow, then assert on {@link #text()}.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level previous;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        this("dev.latchkey");
    }

    public LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        previous = logger.getLevel();
        logger.setLevel(Level.TRACE);
        appender.start();
        logger.addAppender(appender);
    }

    /**
     * @return every captured line, with exception messages and causes; the call log's lines come from an observer's
     *     thread, so its events are delivered first
     */
    public String text() {
        try {
            dev.latchkey.core.observe.Observers.drain(java.time.Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder sb = new StringBuilder();
        // The appender adds under its own lock (AppenderBase.doAppend), from any thread.
        synchronized (appender) {
            for (ILoggingEvent e : appender.list) {
                sb.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(' ')
                        .append(e.getFormattedMessage()).append('\n');
                for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                    sb.append("  ").append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** @return the captured lines */
    public List<String> lines() {
        return List.of(text().split("\n"));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}
