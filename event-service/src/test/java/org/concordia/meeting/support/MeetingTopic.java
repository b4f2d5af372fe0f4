package org.concordia.meeting.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concordia.contracts.EventCatalogue;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.concordia.testing.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What was published on meeting-events for one meeting, read from the topic itself. */
public final class MeetingTopic implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final TopicReader reader = TopicReader.of(EventCatalogue.MEETING_EVENTS);

    /** Waits until records of all the given types (short form, e.g. {@code scheduled}) arrived for the meeting. */
    public List<ConsumerRecord<String, byte[]>> await(String meetingId, String... types) {
        List<String> wanted =
                java.util.Arrays.stream(types).map(MeetingTopic::fullType).toList();
        return of(
                meetingId,
                reader.readUntil(all -> types(of(meetingId, all)).containsAll(wanted), Duration.ofSeconds(60)));
    }

    public List<ConsumerRecord<String, byte[]>> awaitCount(String meetingId, int count) {
        return of(meetingId, reader.readUntil(all -> of(meetingId, all).size() >= count, Duration.ofSeconds(60)));
    }

    public List<ConsumerRecord<String, byte[]>> after(String meetingId, Duration quiet) {
        return of(meetingId, reader.readFor(quiet));
    }

    public static JsonNode payload(List<ConsumerRecord<String, byte[]>> records, String type) {
        String full = fullType(type);
        return records.stream()
                .filter(r -> full.equals(TopicReader.header(r, CloudEventHeaders.TYPE)))
                .reduce((first, second) -> second)
                .map(r -> JSON.readTree(new String(r.value(), StandardCharsets.UTF_8)))
                .orElseThrow(() -> new AssertionError("No " + full + " among " + types(records)));
    }

    public static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(r -> TopicReader.header(r, CloudEventHeaders.TYPE))
                .toList();
    }

    public static String fullType(String type) {
        return type.startsWith("concordia.") ? type : "concordia.meeting." + type + ".v1";
    }

    private static List<ConsumerRecord<String, byte[]>> of(String meetingId, List<ConsumerRecord<String, byte[]>> all) {
        return all.stream().filter(r -> meetingId.equals(r.key())).toList();
    }

    @Override
    public void close() {
        reader.close();
    }
}
