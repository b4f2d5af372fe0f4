package org.concordia.platform.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether this instance relays outboxes to Kafka
 * @param lease how long a claimed aggregate stays with the instance that claimed it; a crashed instance's claims
 *     are taken over after this. The holder renews its claims every third of it while it is sending
 * @param sweepInterval how often every aggregate collection is swept for what the immediate path left behind
 * @param sendTimeout how long one publication may wait for Kafka's acknowledgement
 * @param initialBackoff first wait after a failed publication, doubled on each further failure
 * @param maxBackoff longest wait between attempts while Kafka is unavailable
 * @param batchSize how many aggregates are claimed, read and published together
 * @param maxPendingPerAggregate how many unpublished events one aggregate may hold; a write beyond it is refused
 *     with {@link OutboxFullException}
 * @param queueCapacity how many aggregates per collection may wait to be published right away; beyond it a write is
 *     left to the sweep
 * @param collections aggregate collections to sweep besides those {@link AggregateStore} registers on its first
 *     write of a type
 * @param linger how long a request to publish at once waits for others to join its batch: a few milliseconds of
 *     latency buy far fewer store round trips under load
 * @param driver what drives the relay besides the writes' own requests: {@code polling} (the default) sweeps every
 *     {@code sweep-interval}; {@code change-stream} watches the database's changes and sweeps every
 *     {@code safety-sweep-interval} only, and polls as the default does where the store has no change streams
 * @param safetySweepInterval how often the sweep runs beside a change stream
 */
@ConfigurationProperties("concordia.outbox")
public record OutboxProperties(
        Boolean enabled,
        Duration lease,
        Duration sweepInterval,
        Duration sendTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        Integer batchSize,
        Integer maxPendingPerAggregate,
        Integer queueCapacity,
        List<String> collections,
        Duration linger,
        Driver driver,
        Duration safetySweepInterval) {

    /** What drives the relay besides the writes' own requests to publish at once. */
    public enum Driver {
        POLLING,
        CHANGE_STREAM
    }

    public OutboxProperties {
        enabled = enabled == null || enabled;
        lease = lease != null ? lease : Duration.ofSeconds(30);
        sweepInterval = sweepInterval != null ? sweepInterval : Duration.ofSeconds(2);
        sendTimeout = sendTimeout != null ? sendTimeout : Duration.ofSeconds(15);
        initialBackoff = initialBackoff != null ? initialBackoff : Duration.ofMillis(500);
        maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofSeconds(30);
        batchSize = batchSize != null && batchSize > 0 ? batchSize : 200;
        maxPendingPerAggregate =
                maxPendingPerAggregate != null && maxPendingPerAggregate > 0 ? maxPendingPerAggregate : 1000;
        queueCapacity = queueCapacity != null && queueCapacity > 0 ? queueCapacity : 10_000;
        collections = collections != null ? List.copyOf(collections) : List.of();
        linger = linger != null ? linger : Duration.ofMillis(5);
        driver = driver != null ? driver : Driver.POLLING;
        safetySweepInterval = safetySweepInterval != null ? safetySweepInterval : Duration.ofSeconds(30);
    }

    /** The defaults, for code that builds a relay without Spring's binding. */
    public static OutboxProperties defaults() {
        return new OutboxProperties(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public OutboxProperties withLease(Duration lease) {
        return new OutboxProperties(
                enabled,
                lease,
                sweepInterval,
                sendTimeout,
                initialBackoff,
                maxBackoff,
                batchSize,
                maxPendingPerAggregate,
                queueCapacity,
                collections,
                linger,
                driver,
                safetySweepInterval);
    }

    public OutboxProperties withSweepInterval(Duration sweepInterval) {
        return new OutboxProperties(
                enabled,
                lease,
                sweepInterval,
                sendTimeout,
                initialBackoff,
                maxBackoff,
                batchSize,
                maxPendingPerAggregate,
                queueCapacity,
                collections,
                linger,
                driver,
                safetySweepInterval);
    }

    public OutboxProperties withBatchSize(int batchSize) {
        return new OutboxProperties(
                enabled,
                lease,
                sweepInterval,
                sendTimeout,
                initialBackoff,
                maxBackoff,
                batchSize,
                maxPendingPerAggregate,
                queueCapacity,
                collections,
                linger,
                driver,
                safetySweepInterval);
    }

    public OutboxProperties withCollections(List<String> collections) {
        return new OutboxProperties(
                enabled,
                lease,
                sweepInterval,
                sendTimeout,
                initialBackoff,
                maxBackoff,
                batchSize,
                maxPendingPerAggregate,
                queueCapacity,
                collections,
                linger,
                driver,
                safetySweepInterval);
    }

    public OutboxProperties withDriver(Driver driver) {
        return new OutboxProperties(
                enabled,
                lease,
                sweepInterval,
                sendTimeout,
                initialBackoff,
                maxBackoff,
                batchSize,
                maxPendingPerAggregate,
                queueCapacity,
                collections,
                linger,
                driver,
                safetySweepInterval);
    }
}
