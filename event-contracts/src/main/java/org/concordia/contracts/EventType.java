package org.concordia.contracts;

import java.util.Objects;

/**
 * How one event record travels on Kafka.
 *
 * @param type      CloudEvents {@code ce_type}, e.g. {@code concordia.meeting.rescheduled.v1}; never derived
 *                  from the class name, so that renaming a class does not break consumers
 * @param javaType  the record carried as the message value
 * @param topic     the Kafka topic, one of the {@link EventCatalogue} topic constants
 * @param source    CloudEvents {@code ce_source}: the producing service, e.g. {@code /event-service}
 * @param aggregate the aggregate whose id is the record key, as it appears in {@code type}
 */
public record EventType(
        String type, Class<? extends DomainEvent> javaType, String topic, String source, String aggregate) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(aggregate, "aggregate");
    }
}
