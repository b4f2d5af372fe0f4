package org.concordia.contracts;

import java.time.Instant;

/** Something that happened to one aggregate, in the past tense, published to that aggregate's topic. */
public interface DomainEvent {

    /** Id of the aggregate: Kafka record key and {@code ce_subject}. */
    String aggregateId();

    /** When the change was made, which is also the event's {@code ce_time}. */
    Instant occurredAt();
}
