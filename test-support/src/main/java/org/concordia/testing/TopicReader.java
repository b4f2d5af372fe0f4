package org.concordia.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a topic from the beginning, outside any consumer group, to see exactly what was published: tests assert on
 * the records, their keys and their CloudEvents headers.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    public static TopicReader of(String topic) {
        return new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), topic);
    }

    /**
     * Polls until the records read so far (all of them, from the beginning) satisfy the condition, or the timeout
     * passes; returns them either way, for the test to assert on.
     */
    public List<ConsumerRecord<String, byte[]>> readUntil(
            Predicate<List<ConsumerRecord<String, byte[]>>> condition, Duration timeout) {
        if (consumer.assignment().isEmpty()) {
            assignAll(timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(records) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    /**
     * Polls for the given period and returns everything read. To assert that nothing more arrives, use
     * {@link Outboxes#awaitDrained} and {@link #readToEnd()} instead: a quiet period proves nothing.
     */
    public List<ConsumerRecord<String, byte[]>> readFor(Duration period) {
        return readUntil(r -> false, period);
    }

    /**
     * Polls until every partition has been read up to its end as of this call, and returns everything read. After
     * {@link Outboxes#awaitDrained} this is everything the service published, with no quiet period to guess.
     */
    public List<ConsumerRecord<String, byte[]>> readToEnd() {
        Duration timeout = Duration.ofSeconds(30);
        if (consumer.assignment().isEmpty()) {
            assignAll(timeout);
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + topic + " up to " + ends + " in " + timeout);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    private void assignAll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PartitionInfo> partitions = List.of();
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            List<PartitionInfo> found = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            partitions = found == null ? List.of() : found;
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
    }

    public static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
