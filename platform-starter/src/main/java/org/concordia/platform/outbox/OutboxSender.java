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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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

    /**
     * Sends an aggregate's next event once the previous one is acknowledged, off the producer's I/O thread (a send
     * may block while the producer's buffer is full). Its one thread ends when idle.
     */
    private final ThreadPoolExecutor next;

    OutboxSender(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
        this.next = new ThreadPoolExecutor(
                1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), RelayThreads.named("outbox-send"));
        this.next.allowCoreThreadTimeOut(true);
    }

    /**
     * Sends one aggregate's events in order, each once the one before it is acknowledged, while other aggregates'
     * events go out meanwhile. Acknowledging each first is what keeps the order when a send fails: had the next one
     * been in flight already (a producer batch that expires while a later batch goes through, during a long broker
     * outage), it could be written before the failed one is sent again. A failed send fails the rest unsent.
     */
    Sending send(Object id, List<OutboxEntry> entries, int attempts) {
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(entries.size());
        CompletableFuture<SendResult<String, byte[]>> previous = null;
        for (OutboxEntry entry : entries) {
            CompletableFuture<SendResult<String, byte[]>> send =
                    previous == null ? sendOne(entry) : previous.thenComposeAsync(acknowledged -> sendOne(entry), next);
            sends.add(send);
            previous = send;
        }
        return new Sending(id, entries, sends, attempts);
    }

    private CompletableFuture<SendResult<String, byte[]>> sendOne(OutboxEntry entry) {
        try {
            return kafka.send(toRecord(entry));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
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
