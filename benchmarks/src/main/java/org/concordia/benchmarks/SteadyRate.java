package org.concordia.benchmarks;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bson.Document;
import org.concordia.contracts.organization.MemberRolesChanged;

/** The notification benchmark's steady run: role changes sent at a fixed rate, and their latency to the inbox. */
final class SteadyRate {

    private SteadyRate() {}

    /**
     * Role changes of distinct members at a steady rate, each one notification; latency from the send to the processed
     * mark the consumer writes once the notification is in the inbox.
     */
    static double[] steady(
            KafkaProducer<String, byte[]> producer,
            MongoDatabase db,
            List<String> people,
            String organization,
            int rate,
            int seconds)
            throws Exception {
        int events = rate * seconds;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            // parked, not spinning: a spinning sender would take one of the cores the service and the store share
            long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            String id = NotificationBenchmark.publish(
                    producer, roleChange(people.get(i % people.size()), organization, i % people.size()));
            sentAt.put(id, System.currentTimeMillis());
        }
        producer.flush();
        // the marks are read a thousand at a time once all are there, not awaited one by one
        List<String> marks = sentAt.keySet().stream()
                .map(id -> "notifyAboutOrganizations:" + id)
                .toList();
        // a find by _id, not countDocuments: the embedded store answers an _id $in from its index, but matches an
        // aggregation's $match against every mark stored, which would take the cores the service is still using
        await("the steady events processed")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> db.getCollection("processed_events")
                                .find(new Document("_id", new Document("$in", marks)))
                                .projection(new Document("_id", 1))
                                .into(new ArrayList<>())
                                .size()
                        == events);
        double[] latencies = new double[events];
        // the marks of one batch share their time: how many batches, and how long each took after the one before
        java.util.TreeMap<Long, Integer> batches = new java.util.TreeMap<>();
        int i = 0;
        for (int from = 0; from < marks.size(); from += 1_000) {
            for (Document mark : db.getCollection("processed_events")
                    .find(new Document(
                            "_id", new Document("$in", marks.subList(from, Math.min(marks.size(), from + 1_000)))))) {
                String id = mark.getString("_id").substring("notifyAboutOrganizations:".length());
                latencies[i++] = mark.getDate("processedAt").getTime() - sentAt.get(id);
                batches.merge(mark.getDate("processedAt").getTime(), 1, Integer::sum);
            }
        }
        Arrays.sort(latencies);
        double[] sizes = batches.values().stream()
                .mapToDouble(Integer::doubleValue)
                .sorted()
                .toArray();
        List<Long> ends = new ArrayList<>(batches.keySet());
        double[] gaps = new double[ends.size() - 1];
        for (int b = 1; b < ends.size(); b++) {
            gaps[b - 1] = ends.get(b) - ends.get(b - 1);
        }
        Arrays.sort(gaps);
        System.out.printf(
                "steady: %d events in %d batches of p50 %.0f, max %.0f events; p50 %.0f ms, p99 %.0f ms, max %.0f ms"
                        + " between batches%n",
                events,
                sizes.length,
                sizes[sizes.length / 2],
                sizes[sizes.length - 1],
                gaps[gaps.length / 2],
                gaps[(int) (gaps.length * 0.99)],
                gaps[gaps.length - 1]);
        return new double[] {latencies[events / 2], latencies[(int) (events * 0.99)], events};
    }

    static MemberRolesChanged roleChange(String person, String organization, int membership) {
        return new MemberRolesChanged(
                "membership-" + membership,
                organization,
                person,
                List.of("representative"),
                List.of("member"),
                "Network of municipalities",
                Instant.now());
    }
}
