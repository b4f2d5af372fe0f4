package org.concordia.benchmarks;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The broker's own latency, the floor under any consumer's: records of a given size sent at a steady rate by the
 * benchmark's producer and read by a plain {@code KafkaConsumer} that does nothing but commit each poll, as the
 * binder does ({@code max.poll.records} 500, byte[] values); from the send to the poll that returns the record.
 */
final class RawKafkaLatency {

    private RawKafkaLatency() {}

    /** @return p50 and p99 in milliseconds, after a warm-up of the same length */
    static double[] measure(
            String bootstrap, KafkaProducer<String, byte[]> producer, byte[] value, int rate, int seconds)
            throws InterruptedException {
        String topic = "raw-latency";
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-latency");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch assigned = new CountDownLatch(1);
        Thread consumer = new Thread(
                () -> {
                    try (KafkaConsumer<String, byte[]> c =
                            new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
                        c.subscribe(List.of(topic));
                        while (running.get()) {
                            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                                receivedAt.put(r.key(), System.nanoTime());
                            }
                            if (!c.assignment().isEmpty()) {
                                assigned.countDown();
                            }
                            c.commitSync();
                        }
                    }
                },
                "raw-latency-consumer");
        consumer.start();
        try {
            // the topic is created by the first send; the consumer then joins and is given its partitions
            producer.send(new ProducerRecord<>(topic, "first", value));
            if (!assigned.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The raw latency consumer was given no partitions");
            }
            send(producer, topic, value, rate, seconds, "warm-", sentAt);
            List<String> keys = send(producer, topic, value, rate, seconds, "", sentAt);
            await("the raw latency records received")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> receivedAt.keySet().containsAll(keys));
            double[] millis = new double[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                Long received = receivedAt.get(keys.get(i));
                if (received == null) {
                    throw new IllegalStateException("Record " + keys.get(i) + " never arrived");
                }
                millis[i] = (received - sentAt.get(keys.get(i))) / 1e6;
            }
            Arrays.sort(millis);
            return new double[] {millis[millis.length / 2], millis[(int) (millis.length * 0.99)]};
        } finally {
            running.set(false);
            consumer.join();
        }
    }

    private static List<String> send(
            KafkaProducer<String, byte[]> producer,
            String topic,
            byte[] value,
            int rate,
            int seconds,
            String prefix,
            Map<String, Long> sentAt) {
        List<String> keys = new ArrayList<>(rate * seconds);
        long start = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String key = prefix + i;
            keys.add(key);
            sentAt.put(key, System.nanoTime());
            producer.send(new ProducerRecord<>(topic, key, value));
        }
        producer.flush();
        return keys;
    }
}
