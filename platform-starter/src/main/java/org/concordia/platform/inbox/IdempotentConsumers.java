package org.concordia.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.concordia.platform.envelope.EventJson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Builds Spring Cloud Stream consumers that turn CloudEvents records into typed events and call each handler at most
 * once per event id, whatever Kafka redelivers or an operator replays.
 *
 * <p>An event counts as processed once its handler returned; the mark is a document whose {@code _id} is the
 * consumer's name and the {@code ce_id}, so a unique index does the deduplication. Records arrive in batches (one
 * Kafka poll): one {@code _id $in} lookup finds the marks of a batch and one bulk insert writes the new ones, after
 * the effects. A handler that fails is retried with backoff: without limit when the failure is the infrastructure's
 * ({@link InfrastructureFailures}), a bounded number of times and then dead-lettered otherwise. Because the mark is
 * written after the handler, a crash between the two repeats the handler, so handlers write their effects under ids
 * derived from the event.
 */
public class IdempotentConsumers {

    public static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final EventJson json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ConsumerTracing tracing;

    public IdempotentConsumers(MongoTemplate mongo, EventJson json, Clock clock, MeterRegistry meters) {
        this(mongo, json, clock, meters, ConsumerTracing.NONE);
    }

    /** @param tracing continues each event's trace while its handler runs */
    public IdempotentConsumers(
            MongoTemplate mongo, EventJson json, Clock clock, MeterRegistry meters, ConsumerTracing tracing) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.tracing = tracing;
    }

    /**
     * @param name the consumer's name, e.g. the function bean's name; deduplication is per name, so two consumers of
     *     one service each see every event once
     */
    public IdempotentConsumer consumer(String name, EventHandlers handlers) {
        return new IdempotentConsumer(name, handlers, mongo, json, clock, meters, tracing);
    }
}
