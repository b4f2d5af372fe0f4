package org.concordia.platform.outbox;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The state of this service's outboxes for operators: {@code GET /actuator/outbox} lists how many aggregates wait to
 * be published per collection and the parked aggregates, whose next event cannot be published (malformed, or refused
 * by Kafka for good, e.g. over its size limit) with the reason. Once the cause is fixed,
 * {@code POST /actuator/outbox/{collection}/{aggregateId}} retries the aggregate; {@code DELETE} on the same path
 * discards its parked event for good and publishes the events after it.
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private final OutboxRelay relay;

    public OutboxEndpoint(OutboxRelay relay) {
        this.relay = relay;
    }

    public record OutboxState(Map<String, Long> pendingAggregates, List<OutboxRelay.Parked> parked) {}

    public record Resolution(String collection, String aggregateId, String action, boolean done) {}

    @ReadOperation
    public OutboxState state() {
        return new OutboxState(relay.pendingByCollection(), relay.parked());
    }

    @WriteOperation
    public Resolution retry(@Selector String collection, @Selector String aggregateId) {
        return new Resolution(collection, aggregateId, "retry", relay.retry(collection, aggregateId));
    }

    @DeleteOperation
    public Resolution discard(@Selector String collection, @Selector String aggregateId) {
        return new Resolution(collection, aggregateId, "discard", relay.discard(collection, aggregateId));
    }
}
