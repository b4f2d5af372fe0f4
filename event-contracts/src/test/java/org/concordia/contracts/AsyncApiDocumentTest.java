package org.concordia.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps docs/asyncapi.yaml true: every catalogued event is documented on its topic with its
 * CloudEvents type, every golden sample is valid against the documented schema, and every schema
 * lists exactly the fields of its record, with the record's nullability.
 */
class AsyncApiDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // Format assertions are off by default; a misspelt date must fail here, not in a consumer.
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            registry -> registry.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static JsonNode document;

    @BeforeAll
    static void readDocument() throws IOException {
        // Surefire runs in the module directory and also passes it as basedir.
        Path file = Path.of(System.getProperty("basedir", ".")).resolve("../docs/asyncapi.yaml");
        try (Reader reader = Files.newBufferedReader(file)) {
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            document = JSON.valueToTree(yaml);
        }
    }

    static Stream<Named<EventType>> eventTypes() {
        return EventCatalogue.all().stream().map(type -> Named.of(type.type(), type));
    }

    @Test
    void the_document_is_valid_asyncapi_3() throws IOException {
        // The official schema (asyncapi/spec-json-schemas 7dd3990, schemas/3.0.0-without-$id.json,
        // Apache-2.0) is kept with the tests because they run offline.
        try (var in = getClass().getResourceAsStream("/asyncapi-3.0.0.schema.json")) {
            JsonNode asyncApi = JSON.readTree(in);

            assertThat(SCHEMAS.getSchema(asyncApi).validate(document)).isEmpty();
        }
    }

    @Test
    void the_document_is_asyncapi_3_with_one_channel_per_topic() {
        assertThat(document.path("asyncapi").stringValue(null)).isEqualTo("3.0.0");
        assertThat(document.get("channels").propertyNames())
                .containsExactlyInAnyOrder(
                        EventCatalogue.ORGANIZATION_EVENTS,
                        EventCatalogue.PROJECT_EVENTS,
                        EventCatalogue.MEETING_EVENTS,
                        EventCatalogue.ANNOUNCEMENT_EVENTS);
        document.get("channels")
                .forEachEntry((name, channel) ->
                        assertThat(channel.path("address").stringValue(null)).isEqualTo(name));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void the_event_is_documented_as_a_message_of_its_topic(EventType type) {
        List<JsonNode> messages = messagesOf(channel(type.topic())).stream()
                .filter(message -> type.type().equals(headerConst(message, "ce_type")))
                .toList();

        assertThat(messages)
                .as("messages with ce_type %s on %s", type.type(), type.topic())
                .hasSize(1);
        JsonNode message = messages.get(0);
        assertThat(message.path("name").stringValue(null))
                .isEqualTo(type.javaType().getSimpleName());
        assertThat(headerConst(message, "ce_source")).isEqualTo(type.source());
        assertThat(message.path("contentType").stringValue(null)).isEqualTo("application/json");
        assertThat(message.at("/payload/$ref").stringValue(null))
                .isEqualTo("#/components/schemas/" + type.javaType().getSimpleName());
        assertThat(message.at("/bindings/kafka/key/type").stringValue(null)).isEqualTo("string");
    }

    @Test
    void every_documented_message_is_catalogued_on_the_same_topic() {
        document.get("channels").forEachEntry((name, channel) -> {
            List<JsonNode> messages = messagesOf(channel);
            assertThat(messages).as(name).isNotEmpty();
            assertThat(messages).allSatisfy(message -> {
                String ceType = headerConst(message, "ce_type");
                assertThat(EventCatalogue.byType(ceType))
                        .as("%s on %s", ceType, name)
                        .hasValueSatisfying(type -> assertThat(type.topic()).isEqualTo(name));
            });
        });
    }

    @Test
    void each_channel_has_one_producer_sending_all_its_messages() {
        document.get("channels").forEachEntry((name, channel) -> {
            List<JsonNode> senders = document.get("operations")
                    .valueStream()
                    .filter(operation -> "send".equals(operation.path("action").stringValue(null)))
                    .filter(operation -> ("#/channels/" + name)
                            .equals(operation.at("/channel/$ref").stringValue(null)))
                    .toList();
            assertThat(senders).as("send operations on %s", name).hasSize(1);

            Set<String> sent = senders.get(0)
                    .get("messages")
                    .valueStream()
                    .map(message -> message.get("$ref").stringValue(null))
                    .collect(Collectors.toSet());
            Set<String> declared = channel.get("messages").propertyNames().stream()
                    .map(message -> "#/channels/" + name + "/messages/" + message)
                    .collect(Collectors.toSet());
            assertThat(sent).as(name).isEqualTo(declared);
        });
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void the_golden_sample_is_valid_against_the_documented_payload(EventType type) {
        JsonNode sample = JSON.readTree(GoldenSamples.json(type));

        assertThat(validate(message(type).get("payload"), sample)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void the_headers_a_producer_writes_are_valid_against_the_documented_headers(EventType type) {
        DomainEvent event = JSON.readValue(GoldenSamples.json(type), type.javaType());

        assertThat(validate(message(type).get("headers"), headersOf(type, event)))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void the_documented_payload_has_exactly_the_fields_of_the_record(EventType type) {
        assertDescribes(
                resolve(message(type).get("payload")),
                type.javaType(),
                type.javaType().getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void the_golden_sample_uses_only_documented_values_of_open_sets(EventType type) {
        assertKnownValues(
                message(type).get("payload"),
                JSON.readTree(GoldenSamples.json(type)),
                type.javaType().getSimpleName());
    }

    @Test
    void the_schemas_reject_what_breaks_the_contract() {
        EventType scheduled =
                EventCatalogue.byType("concordia.meeting.scheduled.v1").orElseThrow();
        ObjectNode broken = (ObjectNode) JSON.readTree(GoldenSamples.json(scheduled));
        broken.put("start", "next Tuesday at ten");
        broken.remove("title");
        ((ObjectNode) broken.get("invitees").get(0)).put("email", "not an address");

        List<String> payloadErrors = validate(message(scheduled).get("payload"), broken);

        assertThat(payloadErrors)
                .anySatisfy(error -> assertThat(error).contains("/start"))
                .anySatisfy(error -> assertThat(error).contains("title"))
                .anySatisfy(error -> assertThat(error).contains("/invitees/0/email"));

        EventType rescheduled =
                EventCatalogue.byType("concordia.meeting.rescheduled.v1").orElseThrow();
        DomainEvent event = JSON.readValue(GoldenSamples.json(rescheduled), rescheduled.javaType());
        assertThat(validate(message(scheduled).get("headers"), headersOf(rescheduled, event)))
                .anySatisfy(error -> assertThat(error).contains("ce_type"));
    }

    private static ObjectNode headersOf(EventType type, DomainEvent event) {
        ObjectNode headers = JSON.createObjectNode();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", "0f8e2c14-5b1a-4d3e-9c7f-2a6b8d0e4f13");
        headers.put("ce_type", type.type());
        headers.put("ce_source", type.source());
        headers.put("ce_subject", event.aggregateId());
        headers.put("ce_time", event.occurredAt().toString());
        headers.put("content-type", "application/json");
        headers.put("traceparent", TRACEPARENT);
        return headers;
    }

    private static JsonNode channel(String topic) {
        return document.get("channels")
                .valueStream()
                .filter(channel -> topic.equals(channel.path("address").stringValue(null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No channel with address " + topic));
    }

    private static List<JsonNode> messagesOf(JsonNode channel) {
        return channel.path("messages")
                .valueStream()
                .map(AsyncApiDocumentTest::resolve)
                .toList();
    }

    private static JsonNode message(EventType type) {
        return messagesOf(channel(type.topic())).stream()
                .filter(message -> type.type().equals(headerConst(message, "ce_type")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No message for " + type.type()));
    }

    /** The const a message's headers schema gives the header, looking through allOf. */
    private static @Nullable String headerConst(JsonNode message, String header) {
        JsonNode headers = resolve(message.get("headers"));
        Stream<JsonNode> parts = headers.has("allOf")
                ? headers.get("allOf").valueStream().map(AsyncApiDocumentTest::resolve)
                : Stream.of(headers);
        return parts.map(part -> part.path("properties").path(header).path("const"))
                .filter(JsonNode::isString)
                .map(JsonNode::stringValue)
                .findFirst()
                .orElse(null);
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            String ref = resolved.get("$ref").stringValue(null);
            assertThat(ref).as("only local references").startsWith("#/");
            resolved = document.at(ref.substring(1));
            assertThat(resolved.isMissingNode()).as("%s resolves", ref).isFalse();
        }
        return resolved;
    }

    /** Validates against a schema of the document, its references resolved within the document. */
    private static List<String> validate(JsonNode schema, JsonNode instance) {
        ObjectNode root = ((ObjectNode) schema).deepCopy();
        root.set("components", document.get("components"));
        return SCHEMAS.getSchema(root).validate(instance).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }

    private static void assertDescribes(JsonNode schema, Class<?> record, String where) {
        RecordComponent[] components = record.getRecordComponents();
        Set<String> required =
                schema.path("required").valueStream().map(JsonNode::stringValue).collect(Collectors.toSet());

        assertThat(schema.path("type").stringValue(null)).as(where).isEqualTo("object");
        assertThat(schema.get("properties").propertyNames())
                .as("properties of %s", where)
                .containsExactlyInAnyOrder(
                        Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new));
        for (RecordComponent component : components) {
            String path = where + "." + component.getName();
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            assertThat(required.contains(component.getName()))
                    .as("%s is required exactly when the record field is not @Nullable", path)
                    .isEqualTo(!nullable);
            assertType(schema.get("properties").get(component.getName()), component.getGenericType(), nullable, path);
        }
    }

    private static void assertType(JsonNode property, Type javaType, boolean nullable, String where) {
        JsonNode schema = property;
        if (property.has("anyOf")) {
            List<JsonNode> alternatives = property.get("anyOf").valueStream().toList();
            assertThat(nullable)
                    .as("%s: anyOf is only used to allow null", where)
                    .isTrue();
            assertThat(alternatives)
                    .as(where)
                    .hasSize(2)
                    .anySatisfy(alternative -> assertThat(types(alternative)).containsExactly("null"));
            schema = alternatives.stream()
                    .filter(alternative -> !types(alternative).contains("null"))
                    .findFirst()
                    .orElseThrow();
        } else {
            assertThat(types(property).contains("null"))
                    .as("%s allows null", where)
                    .isEqualTo(nullable);
        }

        if (javaType instanceof ParameterizedType) {
            ParameterizedType list = (ParameterizedType) javaType;
            assertThat(list.getRawType()).as(where).isEqualTo(List.class);
            assertThat(nonNullTypes(schema)).as(where).containsExactly("array");
            assertType(schema.get("items"), list.getActualTypeArguments()[0], false, where + "[]");
            return;
        }
        Class<?> type = (Class<?>) javaType;
        if (type.isRecord()) {
            assertThat(schema.path("$ref").stringValue(null))
                    .as(where)
                    .isEqualTo("#/components/schemas/" + type.getSimpleName());
            assertDescribes(resolve(schema), type, type.getSimpleName());
            return;
        }
        JsonType expected = JsonType.of(type, where);
        assertThat(nonNullTypes(schema)).as(where).containsExactly(expected.type());
        if (expected.format() != null) {
            assertThat(schema.path("format").stringValue(null))
                    .as("format of %s", where)
                    .isEqualTo(expected.format());
        } else {
            assertThat(schema.path("format").stringValue(null))
                    .as("format of %s", where)
                    .isNotIn("date", "date-time");
        }
    }

    /** The JSON type and format Jackson writes for a Java type. */
    private record JsonType(String type, @Nullable String format) {

        static JsonType of(Class<?> javaType, String where) {
            if (javaType == String.class) {
                return new JsonType("string", null);
            } else if (javaType == Instant.class) {
                return new JsonType("string", "date-time");
            } else if (javaType == LocalDate.class) {
                return new JsonType("string", "date");
            } else if (javaType == int.class
                    || javaType == long.class
                    || javaType == Integer.class
                    || javaType == Long.class) {
                return new JsonType("integer", null);
            } else if (javaType == boolean.class || javaType == Boolean.class) {
                return new JsonType("boolean", null);
            } else if (javaType == BigDecimal.class) {
                return new JsonType("number", null);
            }
            return fail("%s has type %s, which this test does not know how Jackson writes", where, javaType.getName());
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            return type.valueStream().map(JsonNode::stringValue).collect(Collectors.toSet());
        }
        return type.isString() ? Set.of(type.stringValue(null)) : Set.of();
    }

    private static Set<String> nonNullTypes(JsonNode schema) {
        Set<String> types = new HashSet<>(types(schema));
        types.remove("null");
        return types;
    }

    private static void assertKnownValues(JsonNode schemaOrRef, JsonNode value, String where) {
        if (value.isNull()) {
            return;
        }
        JsonNode schema = resolve(schemaOrRef);
        if (schema.has("anyOf")) {
            schema = resolve(schema.get("anyOf")
                    .valueStream()
                    .filter(alternative -> !types(alternative).contains("null"))
                    .findFirst()
                    .orElseThrow());
        }
        if (schema.has("x-known-values")) {
            List<String> known = schema.get("x-known-values")
                    .valueStream()
                    .map(JsonNode::stringValue)
                    .toList();
            assertThat(known).as(where).contains(value.stringValue(null));
        }
        if (value.isArray()) {
            JsonNode items = schema.get("items");
            value.valueStream().forEach(element -> assertKnownValues(items, element, where + "[]"));
        } else if (value.isObject()) {
            JsonNode properties = schema.get("properties");
            value.forEachEntry((name, field) -> assertKnownValues(properties.get(name), field, where + "." + name));
        }
    }
}
