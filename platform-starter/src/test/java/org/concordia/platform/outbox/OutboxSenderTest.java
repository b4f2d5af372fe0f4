package org.concordia.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * One aggregate's events leave one at a time: the next is sent only once the one before it is acknowledged, so a
 * send that fails (a producer batch expiring during a long broker outage) can never be overtaken by a later event of
 * the same aggregate.
 */
class OutboxSenderTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);

    private final Timer latency = Timer.builder("latency").register(new SimpleMeterRegistry());

    @Test
    void the_next_event_is_sent_only_after_the_previous_one_is_acknowledged() {
        CompletableFuture<SendResult<String, byte[]>> first = new CompletableFuture<>();
        CompletableFuture<SendResult<String, byte[]>> second = new CompletableFuture<>();
        CompletableFuture<SendResult<String, byte[]>> third = new CompletableFuture<>();
        when(kafka.send(any(ProducerRecord.class))).thenReturn(first, second, third);

        OutboxSender.Sending sending = new OutboxSender(kafka).send("a-1", List.of(entry(1), entry(2), entry(3)), 0);

        verify(kafka, times(1)).send(any(ProducerRecord.class));
        first.complete(null);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> verify(kafka, times(2)).send(any(ProducerRecord.class)));
        second.complete(null);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> verify(kafka, times(3)).send(any(ProducerRecord.class)));
        third.complete(null);

        assertThat(sending.acknowledgedPrefix(latency, Clock.systemUTC())).containsExactly("e-1", "e-2", "e-3");
        assertThat(sending.failure()).isNull();
    }

    @Test
    void a_failed_send_leaves_the_later_events_unsent_and_unacknowledged() {
        CompletableFuture<SendResult<String, byte[]>> first = new CompletableFuture<>();
        CompletableFuture<SendResult<String, byte[]>> second = new CompletableFuture<>();
        when(kafka.send(any(ProducerRecord.class))).thenReturn(first, second);

        OutboxSender.Sending sending = new OutboxSender(kafka).send("a-2", List.of(entry(1), entry(2), entry(3)), 0);
        first.complete(null);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> verify(kafka, times(2)).send(any(ProducerRecord.class)));
        second.completeExceptionally(new TimeoutException("Expiring 1 record(s): delivery timeout"));

        assertThat(sending.acknowledgedPrefix(latency, Clock.systemUTC())).containsExactly("e-1");
        assertThat(sending.failure()).isInstanceOf(TimeoutException.class);
        verify(kafka, times(2)).send(any(ProducerRecord.class));
    }

    @Test
    void a_send_refused_at_once_stops_the_rest() {
        when(kafka.send(any(ProducerRecord.class))).thenThrow(new IllegalStateException("producer closed"));

        OutboxSender.Sending sending = new OutboxSender(kafka).send("a-3", List.of(entry(1), entry(2)), 0);

        assertThat(sending.acknowledgedPrefix(latency, Clock.systemUTC())).isEmpty();
        verify(kafka, times(1)).send(any(ProducerRecord.class));
    }

    private static OutboxEntry entry(int n) {
        return new OutboxEntry(
                "e-" + n,
                "concordia.test.happened.v1",
                "test-events",
                "/test",
                "a",
                Instant.now(),
                ("{\"n\": " + n + "}").getBytes(StandardCharsets.UTF_8),
                Map.of());
    }
}
