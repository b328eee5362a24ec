package dev.latchkey.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.core.observe.CallObserver;
import dev.latchkey.core.observe.ObservedCall;
import dev.latchkey.core.testing.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** An observer that falls behind loses what does not fit in its queue, and the call never waits for it. */
class ObserverMailboxTest {
    @Test
    void aFullQueueDropsEventsCountsThemAndSaysSoOnce() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CallObserver stuck = new CallObserver() {
            @Override
            public void callStarted(ObservedCall call) {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ObserverMailbox box = ObserverMailbox.detached(stuck, 2);
        try (LogCapture log = new LogCapture()) {
            box.post(o -> o.callStarted(null), "callStarted");
            inside.await(); // the first is being delivered, and stays
            for (int i = 0; i < 5; i++) {
                box.post(o -> o.callStarted(null), "callStarted");
            }
            assertThat(box.dropped()).as("two fit in the queue").isEqualTo(3);
            assertThat(log.text().split("is not keeping up", -1)).as("said once").hasSize(2);
            assertThat(ObserverMailbox.drain(List.of(box), Duration.ofMillis(1))).as("not delivered yet").isFalse();
        } finally {
            release.countDown();
        }
        assertThat(ObserverMailbox.drain(List.of(box), Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void oneMailboxPerObserverHoweverManyClientsShareIt() {
        CallObserver o = new CallObserver() { };
        assertThat(ObserverMailbox.of(o)).isSameAs(ObserverMailbox.of(o)).isNotSameAs(ObserverMailbox.of(
                new CallObserver() { }));
        assertThat(ObserverMailbox.of(o).observer()).isSameAs(o);
    }
}
