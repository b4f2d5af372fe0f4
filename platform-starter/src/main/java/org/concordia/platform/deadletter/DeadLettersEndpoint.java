package org.concordia.platform.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Lets an operator see what this service's consumers dead-lettered ({@code GET /actuator/deadletters}) and send
 * records back to the topic they came from once the cause is fixed: one record
 * ({@code POST /actuator/deadletters/{topic}/{partition}/{offset}}), or every dead letter of a topic not replayed yet,
 * oldest first ({@code POST /actuator/deadletters/{topic}}). Consumers deduplicate on {@code ce_id}, so a replay of
 * something that was processed in the meantime changes nothing.
 *
 * <p>A replayed event is appended to its topic after everything published since it was dead-lettered: a consumer
 * applies it after the aggregate's later events. Handlers that keep versions (read models) then ignore it if a later
 * version is already applied; others apply it late.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private static final int MAX_LISTED = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> consumerProperties;
    private final Map<String, Object> adminProperties;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String group;

    public DeadLettersEndpoint(
            Map<String, Object> consumerProperties,
            Map<String, Object> adminProperties,
            KafkaTemplate<String, byte[]> kafka,
            String group) {
        this.consumerProperties = consumerProperties;
        this.adminProperties = adminProperties;
        this.kafka = kafka;
        this.group = group;
    }

    /** One dead-lettered record, with why it failed. */
    public record DeadLetter(
            String topic,
            int partition,
            long offset,
            String key,
            String eventId,
            String eventType,
            String originalTopic,
            String exception,
            String error,
            Instant deadLetteredAt) {}

    public record Replayed(String replayedTo, String key, String eventId) {}

    /** One dead letter sent back by a replay of a whole topic, with where it was and what it was. */
    public record ReplayedLetter(
            String replayedTo,
            String key,
            String eventId,
            String eventType,
            int deadLetterPartition,
            long deadLetterOffset,
            Instant originallyAt) {}

    /** What a replay of a whole dead-letter topic sent back, in the order it was sent. */
    public record TopicReplay(String deadLetterTopic, int count, List<ReplayedLetter> replayed) {}

    @ReadOperation
    public List<DeadLetter> list() throws Exception {
        List<DeadLetter> letters = new ArrayList<>();
        try (Admin admin = Admin.create(adminProperties);
                KafkaConsumer<String, byte[]> consumer = consumer()) {
            Set<String> topics = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            for (String topic : topics) {
                if (!topic.startsWith("error.") || !topic.endsWith("." + group)) {
                    continue;
                }
                List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (!reachedEnd(consumer, ends) && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> letters.add(describe(record)));
                }
            }
        }
        letters.sort(Comparator.comparing(DeadLetter::deadLetteredAt).reversed());
        return letters.size() > MAX_LISTED ? letters.subList(0, MAX_LISTED) : letters;
    }

    @WriteOperation
    public Replayed replay(@Selector String topic, @Selector int partition, @Selector long offset) throws Exception {
        if (!topic.startsWith("error.") || !topic.endsWith("." + group)) {
            throw invalid(topic + " is not a dead-letter topic of " + group);
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() != offset) {
                        throw invalid("No record at offset " + offset + " of " + tp);
                    }
                    String original = header(record, "x-original-topic");
                    if (original == null) {
                        throw invalid("The record names no original topic");
                    }
                    kafka.send(new ProducerRecord<>(
                                    original, null, record.key(), record.value(), originalHeaders(record)))
                            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    return new Replayed(original, record.key(), header(record, CloudEventHeaders.ID));
                }
            }
        }
        throw invalid("No record at offset " + offset + " of " + topic + "-" + partition);
    }

    /**
     * Sends every dead letter of the topic that no earlier replay of the whole topic sent back, oldest first (by the
     * original record's time, then its partition and offset), and remembers how far it got in the consumer group
     * {@code <group>.replay}, so that a second call replays only what was dead-lettered since (a record that fails
     * again after a replay is dead-lettered again, and so replayed by the next call).
     *
     * @param topic a dead-letter topic {@code error.<topic>.<group>}, or the original topic
     */
    @WriteOperation
    public TopicReplay replayAll(@Selector String topic) throws Exception {
        String deadLetterTopic = topic.startsWith("error.") ? topic : "error." + topic + "." + group;
        if (!deadLetterTopic.endsWith("." + group)) {
            throw invalid(topic + " is not a dead-letter topic of " + group);
        }
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group + ".replay");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw invalid("No dead-letter topic " + deadLetterTopic);
            }
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions), TIMEOUT);
            for (TopicPartition partition : partitions) {
                var done = committed.get(partition);
                if (done == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, done.offset());
                }
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!reachedEnd(consumer, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        letters.add(record);
                    }
                }
            }
            if (!reachedEnd(consumer, ends)) {
                throw new IllegalStateException("Could not read " + deadLetterTopic + " to its end in " + TIMEOUT);
            }
            letters.sort(Comparator.comparing(DeadLettersEndpoint::originallyAt)
                    .thenComparing(r -> originalPartition(r))
                    .thenComparing(r -> originalOffset(r)));
            List<ReplayedLetter> replayed = new ArrayList<>();
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : letters) {
                String original = header(record, "x-original-topic");
                if (original == null) {
                    continue;
                }
                // sent in order; the idempotent producer keeps the order of one key's records
                sends.add(kafka.send(
                        new ProducerRecord<>(original, null, record.key(), record.value(), originalHeaders(record))));
                replayed.add(new ReplayedLetter(
                        original,
                        record.key(),
                        header(record, CloudEventHeaders.ID),
                        header(record, CloudEventHeaders.TYPE),
                        record.partition(),
                        record.offset(),
                        originallyAt(record)));
            }
            for (var send : sends) {
                send.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
            ends.forEach((partition, end) -> progress.put(partition, new OffsetAndMetadata(end)));
            consumer.commitSync(progress, TIMEOUT);
            return new TopicReplay(deadLetterTopic, replayed.size(), replayed);
        }
    }

    private static RecordHeaders originalHeaders(ConsumerRecord<String, byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("x-")) {
                headers.add(header);
            }
        }
        return headers;
    }

    private static Instant originallyAt(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("x-original-timestamp");
        if (header != null && header.value().length == Long.BYTES) {
            return Instant.ofEpochMilli(ByteBuffer.wrap(header.value()).getLong());
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    private static int originalPartition(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("x-original-partition");
        return header != null && header.value().length == Integer.BYTES
                ? ByteBuffer.wrap(header.value()).getInt()
                : record.partition();
    }

    private static long originalOffset(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("x-original-offset");
        return header != null && header.value().length == Long.BYTES
                ? ByteBuffer.wrap(header.value()).getLong()
                : record.offset();
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static DeadLetter describe(ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                header(record, CloudEventHeaders.ID),
                header(record, CloudEventHeaders.TYPE),
                header(record, "x-original-topic"),
                header(record, "x-exception-fqcn"),
                header(record, "x-exception-message"),
                Instant.ofEpochMilli(record.timestamp()));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A request the operator can correct: answered 400 with the reason, never a 500. */
    private static InvalidEndpointRequestException invalid(String reason) {
        return new InvalidEndpointRequestException(reason, reason);
    }
}
