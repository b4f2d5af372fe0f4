package org.concordia.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The samples are the contract; these tests keep the records faithful to them. A renamed, removed
 * or retyped field fails the strict round trip; the lenient cases are how consumers read events.
 */
class GoldenSamplesTest {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    // Edits samples as trees without turning 412500.00 into 412500.0, which BigDecimal.equals
    // would count as a different amount.
    private static final JsonMapper TREES = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    static Stream<Named<EventType>> eventTypes() {
        return EventCatalogue.all().stream().map(type -> Named.of(type.type(), type));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void the_sample_reads_into_its_record_and_writes_back_unchanged(EventType type) {
        String sample = GoldenSamples.json(type);

        DomainEvent event = STRICT.readValue(sample, type.javaType());
        JsonNode written = STRICT.readTree(STRICT.writeValueAsString(event));

        assertThat(written).isEqualTo(STRICT.readTree(sample));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void the_aggregate_id_is_the_sample_s_id_of_the_catalogued_aggregate(EventType type) {
        JsonNode sample = STRICT.readTree(GoldenSamples.json(type));

        DomainEvent event = STRICT.readValue(GoldenSamples.json(type), type.javaType());

        assertThat(event.aggregateId())
                .isEqualTo(sample.get(type.aggregate() + "Id").stringValue());
        assertThat(event.occurredAt()).hasToString(sample.get("occurredAt").stringValue());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void a_consumer_reads_an_event_from_a_newer_producer_that_added_fields(EventType type) {
        ObjectNode newer = (ObjectNode) TREES.readTree(GoldenSamples.json(type));
        newer.put("addedInALaterRelease", "ignored");
        newer.putObject("anotherAddition").put("nested", true);

        DomainEvent event = LENIENT.readValue(newer.toString(), type.javaType());

        assertThat(event).isEqualTo(STRICT.readValue(GoldenSamples.json(type), type.javaType()));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void a_consumer_reads_an_event_whose_producer_left_out_null_fields(EventType type) {
        ObjectNode withoutNulls = (ObjectNode) TREES.readTree(GoldenSamples.json(type));
        List<String> nullFields = withoutNulls
                .propertyStream()
                .filter(property -> property.getValue().isNull())
                .map(property -> property.getKey())
                .toList();
        withoutNulls.remove(nullFields);

        DomainEvent event = LENIENT.readValue(withoutNulls.toString(), type.javaType());

        assertThat(event).isEqualTo(STRICT.readValue(GoldenSamples.json(type), type.javaType()));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void an_event_without_its_aggregate_id_is_rejected_rather_than_half_read(EventType type) {
        ObjectNode broken = (ObjectNode) TREES.readTree(GoldenSamples.json(type));
        broken.remove(type.aggregate() + "Id");

        assertThatThrownBy(() -> LENIENT.readValue(broken.toString(), type.javaType()))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining(type.aggregate() + "Id");
    }
}
