package org.concordia.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.concordia.platform.envelope.CloudEventHeaders;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Lets an operator see what this service's consumers dead-lettered ({@code GET /actuator/deadletters}) and send a
 * record back to the topic it came from once the cause is fixed
 * ({@code POST /actuator/deadletters/{topic}/{partition}/{offset}}). Consumers deduplicate on {@code ce_id}, so a
 * replay of something that was processed in the meantime changes nothing.
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
            throw new IllegalArgumentException(topic + " is not a dead-letter topic of " + group);
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() != offset) {
                        throw new IllegalArgumentException("No record at offset " + offset + " of " + tp);
                    }
                    String original = header(record, "x-original-topic");
                    if (original == null) {
                        throw new IllegalArgumentException("The record names no original topic");
                    }
                    RecordHeaders headers = new RecordHeaders();
                    for (Header header : record.headers()) {
                        if (!header.key().startsWith("x-")) {
                            headers.add(header);
                        }
                    }
                    kafka.send(new ProducerRecord<>(original, null, record.key(), record.value(), headers))
                            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    return new Replayed(original, record.key(), header(record, CloudEventHeaders.ID));
                }
            }
        }
        throw new IllegalArgumentException("No record at offset " + offset + " of " + topic + "-" + partition);
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new java.util.HashMap<>(consumerProperties);
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
}
