package org.concordia.platform.outbox;

import java.time.Duration;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * A write refused because its aggregate already holds as many unpublished events as it may
 * ({@code concordia.outbox.max-pending-per-aggregate}): Kafka has been unreachable for long, or the aggregate's
 * events cannot be published. The write may succeed once the relay has caught up, so it is a temporary refusal
 * (503 with {@code Retry-After}), not a client error.
 */
public class OutboxFullException extends TransientDataAccessResourceException {

    private final transient Object aggregateId;
    private final Duration retryAfter;

    public OutboxFullException(String collection, Object aggregateId, int limit, Duration retryAfter) {
        super(collection + " " + aggregateId + " already has " + limit + " events waiting to be published");
        this.aggregateId = aggregateId;
        this.retryAfter = retryAfter;
    }

    public Object aggregateId() {
        return aggregateId;
    }

    /** When trying again makes sense at the earliest. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
