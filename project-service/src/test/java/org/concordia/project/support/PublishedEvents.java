package org.concordia.project.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concordia.contracts.EventCatalogue;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.testing.Outboxes;
import org.concordia.testing.TopicReader;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What was published on {@code project-events} for one project, read from the topic itself. */
public final class PublishedEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TopicReader reader = TopicReader.of(EventCatalogue.PROJECT_EVENTS);

    /** Waits until at least {@code count} records keyed by the project arrived, and returns them all. */
    public List<ConsumerRecord<String, byte[]>> awaitAtLeast(String projectId, int count) {
        return of(projectId, reader.readUntil(all -> of(projectId, all).size() >= count, Duration.ofSeconds(30)));
    }

    /** Waits until a record of the given type (short form such as {@code partner-withdrawn}) arrived for the project. */
    public ConsumerRecord<String, byte[]> await(String projectId, String type) {
        List<ConsumerRecord<String, byte[]>> records = of(
                projectId,
                reader.readUntil(all -> types(of(projectId, all)).contains(fullType(type)), Duration.ofSeconds(30)));
        return first(records, type);
    }

    /**
     * Everything published for the project, for asserting that nothing more arrives: once no outbox of the service's
     * database holds an event, nothing more can come of what was written so far, and the topic is read to its end.
     */
    public List<ConsumerRecord<String, byte[]>> all(String projectId, MongoTemplate mongo) {
        return of(projectId, all(mongo));
    }

    /** Every record on the topic, once the service's outboxes are drained. */
    public List<ConsumerRecord<String, byte[]>> all(MongoTemplate mongo) {
        Outboxes.awaitDrained(mongo.getDb());
        return reader.readToEnd();
    }

    public static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> header(r, CloudEventHeaders.TYPE)).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        return TopicReader.header(record, name);
    }

    public static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    /** The first record of the given CloudEvents type (short form such as {@code partner-joined} accepted). */
    public static ConsumerRecord<String, byte[]> first(List<ConsumerRecord<String, byte[]>> records, String type) {
        String full = fullType(type);
        return records.stream()
                .filter(r -> full.equals(header(r, CloudEventHeaders.TYPE)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + full + " among " + types(records)));
    }

    private static String fullType(String type) {
        return type.startsWith("concordia.") ? type : "concordia.project." + type + ".v1";
    }

    private static List<ConsumerRecord<String, byte[]>> of(String projectId, List<ConsumerRecord<String, byte[]>> all) {
        return all.stream().filter(r -> projectId.equals(r.key())).toList();
    }

    @Override
    public void close() {
        reader.close();
    }
}
