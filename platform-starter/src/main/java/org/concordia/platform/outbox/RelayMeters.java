package org.concordia.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/** What the relay counts and measures, for operators and alerts. */
final class RelayMeters {

    final Counter published;
    final Counter failures;
    final Counter dropped;
    final Counter malformed;
    final Counter rejected;
    final Timer latency;
    final DistributionSummary batches;
    private final MeterRegistry registry;
    private final Map<String, Timer> steps = new ConcurrentHashMap<>();

    RelayMeters(MeterRegistry meters, OutboxRelay relay, ToDoubleFunction<OutboxRelay> parkedAggregates) {
        this.registry = meters;
        this.published = Counter.builder("concordia.outbox.published")
                .description("Events published from outboxes to Kafka")
                .register(meters);
        this.failures = Counter.builder("concordia.outbox.failures")
                .description("Failed attempts to publish an aggregate's outbox that are retried")
                .register(meters);
        this.dropped = Counter.builder("concordia.outbox.requests.dropped")
                .description("Requests to publish at once left to the sweep because the queue was full")
                .register(meters);
        this.malformed = Counter.builder("concordia.outbox.parked")
                .tag("reason", "malformed")
                .description("Aggregates parked because an outbox entry cannot be read")
                .register(meters);
        this.rejected = Counter.builder("concordia.outbox.parked")
                .tag("reason", "rejected")
                .description("Aggregates parked because Kafka refused an event for good")
                .register(meters);
        this.latency = Timer.builder("concordia.outbox.latency")
                .description("Time from an event's write to Kafka's acknowledgement")
                .register(meters);
        this.batches = DistributionSummary.builder("concordia.outbox.batch.aggregates")
                .description(
                        "Aggregates claimed together in one batch: each batch costs the same few store round trips")
                .register(meters);
        Gauge.builder("concordia.outbox.pending.aggregates", relay, OutboxRelay::pendingAggregates)
                .description("Aggregates with events not yet published to Kafka")
                .register(meters);
        Gauge.builder("concordia.outbox.parked.aggregates", relay, parkedAggregates)
                .description("Aggregates whose publication waits for an operator")
                .register(meters);
    }

    /**
     * Records the time since {@code startedNanos} spent on one step of a batch: {@code claim}, {@code read},
     * {@code send}, {@code acknowledged} (what is left to wait for Kafka), {@code pull}, {@code release}.
     */
    void step(String step, long startedNanos) {
        steps.computeIfAbsent(
                        step,
                        name -> Timer.builder("concordia.outbox.step")
                                .tag("step", name)
                                .description("Time a relay batch spends on each step: its store round trips and Kafka's"
                                        + " acknowledgement")
                                .register(registry))
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }
}
