package org.concordia.platform.envelope;

import org.concordia.contracts.DomainEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of domain events on Kafka. Reading ignores unknown fields, so that producers can add fields
 * within a version without breaking consumers.
 */
public final class EventJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public byte[] write(DomainEvent event) {
        return mapper.writeValueAsBytes(event);
    }

    public <T extends DomainEvent> T read(byte[] json, Class<T> type) {
        return mapper.readValue(json, type);
    }
}
