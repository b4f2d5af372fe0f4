package org.concordia.platform.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends aggregates' outbox entries to Kafka as CloudEvents records in binary mode, and tells a failure worth
 * retrying from one Kafka refuses every time.
 */
final class OutboxSender {

    private final KafkaTemplate<String, byte[]> kafka;

    OutboxSender(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /**
     * Sends one aggregate's events in order without waiting for each acknowledgement: one key, one idempotent
     * producer, so Kafka keeps their order. A send refused at once (a record over the producer's size limit) stops
     * the rest, which must not overtake it.
     */
    Sending send(Object id, List<OutboxEntry> entries, int attempts) {
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(entries.size());
        for (OutboxEntry entry : entries) {
            CompletableFuture<SendResult<String, byte[]>> send;
            try {
                send = kafka.send(toRecord(entry));
            } catch (RuntimeException e) {
                send = CompletableFuture.failedFuture(e);
            }
            sends.add(send);
            if (send.isCompletedExceptionally()) {
                break;
            }
        }
        return new Sending(id, entries, sends, attempts);
    }

    /** One aggregate's events on their way to Kafka. */
    record Sending(
            Object id,
            List<OutboxEntry> entries,
            List<CompletableFuture<SendResult<String, byte[]>>> sends,
            int attempts) {

        /**
         * Waits for the sends, in order, and answers the events acknowledged before the first failure. No timeout of
         * our own: the producer completes every send within its delivery timeout, and a send abandoned here while
         * still in flight would be published and then published again.
         */
        List<String> acknowledgedPrefix(Timer latency, Clock clock) {
            boolean failed = false;
            List<String> done = new ArrayList<>(sends.size());
            // every send is waited for, so that none is still in flight when the aggregate is tried again
            for (int i = 0; i < sends.size(); i++) {
                try {
                    sends.get(i).join();
                } catch (CompletionException | CancellationException e) {
                    failed = true;
                    continue;
                }
                if (!failed) {
                    OutboxEntry entry = entries.get(i);
                    done.add(entry.id());
                    latency.record(
                            Duration.between(entry.time(), clock.instant()).abs());
                }
            }
            return done;
        }

        Throwable failure() {
            for (CompletableFuture<SendResult<String, byte[]>> send : sends) {
                if (send.isCompletedExceptionally()) {
                    try {
                        send.join();
                    } catch (CompletionException e) {
                        return e.getCause() != null ? e.getCause() : e;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }
            }
            return null;
        }
    }

    /** Kafka refuses such a record every time; retrying it cannot help. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException
                    || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException
                    || cause instanceof InvalidTopicException
                    || cause instanceof SerializationException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static ProducerRecord<String, byte[]> toRecord(OutboxEntry entry) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(entry.id())
                .withType(entry.type())
                .withSource(URI.create(entry.source()))
                .withSubject(entry.subject())
                .withTime(entry.time().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(entry.payload())
                .build();
        ProducerRecord<String, byte[]> record =
                KafkaMessageFactory.createWriter(entry.topic(), entry.subject()).writeBinary(event);
        entry.trace().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
