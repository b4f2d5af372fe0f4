package org.concordia.benchmarks;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.concordia.contracts.EventCatalogue;
import org.concordia.embedded.KraftBroker;
import org.concordia.embedded.WireProtocolMongo;
import org.concordia.platform.envelope.EventJson;
import org.concordia.platform.outbox.AggregateStore;
import org.concordia.platform.outbox.OutboxProperties;
import org.concordia.platform.outbox.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Measures, in one run on the same broker and store, the raw Kafka and MongoDB baseline and what Concordia's
 * delivery machinery achieves on top of it: aggregate writes with their events (AggregateStore), publication by the
 * relay (write to Kafka acknowledgement, in a burst and at a steady rate, then a backlog with one and with several
 * events per aggregate), and consumption with deduplication (see {@link Consumption}), first for new events and then
 * for a full replay of duplicates. Sizes: {@code -Dkafka.records}, {@code -Dmongo.documents}, {@code -Doutbox.events},
 * {@code -Doutbox.events-per-aggregate}, {@code -Dconsumer.events} (0 leaves consumption out); then
 * notification-service's e-mail delivery with {@code -Dmail.queued} e-mails queued (see {@link MailSending}; 0 leaves it
 * out; {@code -Dmail.only=true} measures only the raw store and the e-mails).
 */
public final class DeliveryBenchmark {

    private static final int PAYLOAD = 512;

    public static void main(String[] args) throws Exception {
        int kafkaRecords = Integer.getInteger("kafka.records", 200_000);
        int mongoDocuments = Integer.getInteger("mongo.documents", 20_000);
        // as many events as raw documents, so that both rates carry the same warm-up of the store and the JIT
        int outboxEvents = Integer.getInteger("outbox.events", mongoDocuments);
        int consumerEvents = Integer.getInteger("consumer.events", 50_000);
        int mailQueued = Integer.getInteger("mail.queued", 20_000);
        System.out.printf(
                "Concordia delivery benchmark on %d cores, Java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (KraftBroker kafka = KraftBroker.start(0, 6, Map.of());
                WireProtocolMongo mongoServer = WireProtocolMongo.start(0);
                MongoClient client = MongoClients.create(mongoServer.connectionString())) {
            Rows rows = new Rows();
            boolean mailOnly = Boolean.getBoolean("mail.only");
            if (!mailOnly) {
                rows.add(rawKafkaProduce(kafka, kafkaRecords));
            }
            String[] rawInserts = rawMongoInserts(client, mongoDocuments);
            rows.add(rawInserts);
            double rawInsertRate = Double.parseDouble(rawInserts[1].replace(",", ""));
            if (!mailOnly) {
                rows.add(rawRelayRoundTrips(client, mongoDocuments, rawInsertRate));
                outbox(kafka, client, outboxEvents, rawInsertRate, rows);
                if (consumerEvents > 0) {
                    try {
                        rows.addAll(new Consumption(kafka, client, consumerEvents).measure());
                    } catch (Exception e) {
                        // the rows measured so far stay worth printing
                        rows.add(new String[] {"consumption", "failed", e.toString()});
                    }
                }
            }
            if (mailQueued > 0) {
                rows.addAll(new MailSending(kafka, client, mongoServer.connectionString(), mailQueued)
                        .measure(rawInsertRate));
            }
            System.out.println();
            System.out.printf("%-66s %12s %s%n", "measurement", "per second", "notes");
            for (String[] row : rows) {
                System.out.printf("%-66s %12s %s%n", row[0], row[1], row[2]);
            }
        }
    }

    /** The rows of the final table, each also printed as soon as it is measured. */
    private static final class Rows extends ArrayList<String[]> {

        @Override
        public boolean add(String[] row) {
            System.out.printf("measured: %s | %s | %s%n", row[0], row[1], row[2]);
            return super.add(row);
        }

        @Override
        public boolean addAll(java.util.Collection<? extends String[]> measured) {
            measured.forEach(this::add);
            return !measured.isEmpty();
        }
    }

    private static Map<String, Object> producerConfig(KraftBroker kafka) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    private static String[] rawKafkaProduce(KraftBroker kafka, int records) throws Exception {
        byte[] value = new byte[PAYLOAD];
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(producerConfig(kafka), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("baseline", "warm-up", value)).get();
            long start = System.nanoTime();
            Future<RecordMetadata> last = null;
            for (int i = 0; i < records; i++) {
                last = producer.send(new ProducerRecord<>("baseline", "key-" + (i % 1000), value));
            }
            producer.flush();
            last.get();
            return row(
                    "raw Kafka produce, " + PAYLOAD + " B, acks=all, idempotent, async",
                    records,
                    start,
                    records + " records, 6 partitions");
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(KraftBroker kafka) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        2000),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static String[] rawMongoInserts(MongoClient client, int documents) {
        MongoCollection<Document> collection = client.getDatabase("baseline").getCollection("documents");
        String text = "x".repeat(PAYLOAD);
        long start = System.nanoTime();
        for (int i = 0; i < documents; i++) {
            collection.insertOne(new Document("_id", UUID.randomUUID().toString()).append("text", text));
        }
        return row("raw MongoDB insertOne, one document per round trip", documents, start, documents + " documents");
    }

    /**
     * The store work the relay cannot avoid per event, done raw in batches of the relay's size: insert claims, read
     * the aggregates by {@code _id $in}, pull their first outbox entry, delete the claims. With the writes' own
     * {@code insertOne} on the same store, it bounds what write + relay can reach.
     */
    private static String[] rawRelayRoundTrips(MongoClient client, int documents, double rawInserts) {
        int batch = OutboxProperties.defaults().batchSize();
        MongoCollection<Document> aggregates = client.getDatabase("baseline").getCollection("aggregates");
        MongoCollection<Document> claims = client.getDatabase("baseline").getCollection("claims");
        String text = "x".repeat(PAYLOAD);
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < documents; i += batch) {
            List<String> ids = new ArrayList<>();
            List<Document> written = new ArrayList<>();
            for (int j = i; j < Math.min(documents, i + batch); j++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                written.add(new Document("_id", id)
                        .append("text", text)
                        .append("_outbox", List.of(new Document("id", id).append("payload", text))));
            }
            aggregates.insertMany(written);
            batches.add(ids);
        }
        long[] steps = new long[4];
        long start = System.nanoTime();
        for (List<String> ids : batches) {
            long t0 = System.nanoTime();
            List<Document> claimed = new ArrayList<>(ids.size());
            for (String id : ids) {
                claimed.add(new Document("_id", "aggregates/" + id)
                        .append("token", "t")
                        .append("until", new java.util.Date()));
            }
            claims.insertMany(claimed);
            long t1 = System.nanoTime();
            Document byId = new Document("_id", new Document("$in", ids));
            for (Document ignored : aggregates.find(byId).projection(new Document("_outbox", 1))) {
                // read as the relay reads them
            }
            long t2 = System.nanoTime();
            aggregates.updateMany(
                    byId, new Document("$pull", new Document("_outbox", new Document("id", new Document("$in", ids)))));
            long t3 = System.nanoTime();
            claims.deleteMany(new Document(
                    "_id",
                    new Document("$in", claimed.stream().map(c -> c.get("_id")).toList())));
            long t4 = System.nanoTime();
            steps[0] += t1 - t0;
            steps[1] += t2 - t1;
            steps[2] += t3 - t2;
            steps[3] += t4 - t3;
        }
        long total = steps[0] + steps[1] + steps[2] + steps[3];
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = documents / seconds;
        double bound = 1 / (1 / rawInserts + 1 / perSecond);
        return new String[] {
            "raw MongoDB, a relay batch's 4 round trips, " + batch + " aggregates each",
            String.format("%,.0f", perSecond),
            String.format(
                    "with one insertOne per event on the same store: at most %,.0f/s, %.0f %% of raw insertOne;"
                            + " store time: claims %d %%, read %d %%, pull %d %%, release %d %%",
                    bound,
                    100 * bound / rawInserts,
                    100 * steps[0] / total,
                    100 * steps[1] / total,
                    100 * steps[2] / total,
                    100 * steps[3] / total)
        };
    }

    private static void outbox(KraftBroker kafka, MongoClient client, int events, double rawInserts, Rows rows)
            throws Exception {
        Map<String, Object> config = producerConfig(kafka);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        // the topic exists before anything is timed, as for the raw producer
        template.send(EventCatalogue.ORGANIZATION_EVENTS, "warm-up", new byte[0])
                .get();
        OutboxProperties properties = OutboxProperties.defaults();
        EventJson json = new EventJson();

        // the write alone: AggregateStore with no relay running, next to raw insertOne
        {
            Relaying alone = new Relaying(client, "outbox_write_only", template, properties, json);
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                alone.write(i);
            }
            rows.add(row(
                    "AggregateStore.insert: state + event in one write",
                    events,
                    start,
                    percentOf(events, start, rawInserts) + " of raw insertOne, no relay running"));
        }

        // a burst: write as fast as possible while the relay publishes
        Relaying burst = new Relaying(client, "outbox_burst", template, properties, json);
        burst.relay.start();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            burst.write(i);
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        burst.awaitPublished(events);
        rows.add(row(
                "write + relay to Kafka ack, burst (1 relay instance)",
                events,
                start,
                percentOf(events, start, rawInserts) + " of raw insertOne (goal >= 50 %); writes alone at "
                        + String.format("%,.0f/s", events / writeSeconds)));
        rows.add(burst.latencyRow("  latency write -> Kafka ack, burst"));
        rows.add(burst.stepsRow("  relay steps, burst"));
        burst.relay.stop();

        // a steady rate: 500 writes per second
        int steadyRate = Integer.getInteger("outbox.steady-rate", 500);
        int steadyEvents = Math.min(events, steadyRate * 10);
        Relaying steady = new Relaying(client, "outbox_steady", template, properties, json);
        steady.relay.start();
        long period = 1_000_000_000L / steadyRate;
        start = System.nanoTime();
        for (int i = 0; i < steadyEvents; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            steady.write(i);
        }
        steady.awaitPublished(steadyEvents);
        rows.add(row(
                "write + relay to Kafka ack, steady " + steadyRate + " writes/s",
                steadyEvents,
                start,
                steadyEvents + " events over " + (steadyEvents / steadyRate) + " s"));
        rows.add(steady.latencyRow("  latency write -> Kafka ack, steady " + steadyRate + "/s (goal p99 <= 50 ms)"));
        steady.relay.stop();

        Set<String> burstIds = burst.ids;
        List<ConsumerRecord<String, byte[]>> all =
                readAll(kafka, EventCatalogue.ORGANIZATION_EVENTS, 1 + events + steadyEvents);
        List<ConsumerRecord<String, byte[]>> published =
                all.stream().filter(r -> burstIds.contains(r.key())).toList();
        long steadyPublished =
                all.stream().filter(r -> steady.ids.contains(r.key())).count();
        rows.add(new String[] {
            "  each event published once",
            "",
            "burst " + (published.size() == events) + ", steady " + (steadyPublished == steadyEvents)
        });

        // a backlog the relay finds by sweeping (after an outage or a restart), first one event per aggregate, then
        // the same number of events ten per aggregate: each aggregate's events leave one after another
        int perAggregate = Integer.getInteger("outbox.events-per-aggregate", 10);
        rows.add(backlog(client, template, properties, json, events, 1, rawInserts));
        rows.add(backlog(client, template, properties, json, events, perAggregate, rawInserts));
    }

    /**
     * Writes {@code events} events, {@code perAggregate} to an aggregate (its insert, then renames), with no relay
     * running, then times the relay's sweep publishing all of them.
     */
    private static String[] backlog(
            MongoClient client,
            KafkaTemplate<String, byte[]> template,
            OutboxProperties properties,
            EventJson json,
            int events,
            int perAggregate,
            double rawInserts) {
        Relaying backlog = new Relaying(client, "outbox_backlog_" + perAggregate, template, properties, json);
        int aggregates = events / perAggregate;
        for (int i = 0; i < aggregates; i++) {
            backlog.write(i, perAggregate);
        }
        long start = System.nanoTime();
        while (backlog.published() < (long) aggregates * perAggregate) {
            backlog.relay.sweep();
        }
        DistributionSummary batches =
                backlog.meters.get("concordia.outbox.batch.aggregates").summary();
        String[] steps = backlog.stepsRow("");
        return row(
                "relay a backlog, " + perAggregate + " event" + (perAggregate == 1 ? "" : "s") + " per aggregate",
                (long) aggregates * perAggregate,
                start,
                String.format(
                        "%s of raw insertOne; %,d aggregates in %,d batches, sweep only; %s",
                        percentOf((long) aggregates * perAggregate, start, rawInserts),
                        aggregates,
                        batches.count(),
                        steps[2]));
    }

    /** One relay with its store and meters, writing municipalities into a database of its own. */
    private static final class Relaying {

        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final OutboxRelay relay;
        final AggregateStore store;
        final Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final String description = "Община член на Регионална асоциация на общините „Тракия“ ".repeat(4);

        Relaying(
                MongoClient client,
                String database,
                KafkaTemplate<String, byte[]> template,
                OutboxProperties properties,
                EventJson json) {
            meters.config().meterFilter(new MeterFilter() {
                @Override
                public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                    return DistributionStatisticConfig.builder()
                            .percentiles(0.5, 0.99)
                            .build()
                            .merge(config);
                }
            });
            MongoTemplate mongo = new MongoTemplate(client, database);
            relay = new OutboxRelay(mongo, template, properties, Clock.systemUTC(), meters);
            store = new AggregateStore(mongo, json, relay, Clock.systemUTC(), Map::of, properties);
        }

        void write(int i) {
            write(i, 1);
        }

        /** Inserts a municipality, then renames it until it has raised {@code events} events. */
        void write(int i, int events) {
            Municipality municipality = new Municipality(UUID.randomUUID().toString(), "Община " + i, description);
            ids.add(municipality.id());
            municipality = store.insert(municipality, List.of(municipality.registered()));
            for (int n = 1; n < events; n++) {
                Municipality renamed = municipality;
                municipality = store.update(renamed, List.of(renamed.rename("Община " + i + " (" + n + ")")));
            }
        }

        /** Where the relay's batches spent their time, per step, when the relay records it. */
        String[] stepsRow(String name) {
            StringBuilder notes = new StringBuilder();
            for (String step : List.of("claim", "read", "send", "acknowledged", "pull", "release")) {
                Timer timer =
                        meters.find("concordia.outbox.step").tag("step", step).timer();
                if (timer != null && timer.count() > 0) {
                    notes.append(String.format(
                            "%s%s %.1f ms", notes.isEmpty() ? "" : ", ", step, timer.mean(TimeUnit.MILLISECONDS)));
                }
            }
            return new String[] {name, "", notes.isEmpty() ? "not recorded by this relay" : "per batch: " + notes};
        }

        long published() {
            return (long) meters.get("concordia.outbox.published").counter().count();
        }

        void awaitPublished(int events) {
            await("the relay published " + events + " events")
                    .atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(1))
                    .until(() ->
                            meters.get("concordia.outbox.published").counter().count() >= events);
        }

        String[] latencyRow(String name) {
            Timer latency = meters.get("concordia.outbox.latency").timer();
            DistributionSummary batches =
                    meters.get("concordia.outbox.batch.aggregates").summary();
            return new String[] {
                name,
                "",
                String.format(
                        "p50 %.1f ms, p99 %.1f ms, max %.1f ms; %,d batches of %.1f aggregates on average",
                        percentile(latency, 0.5),
                        percentile(latency, 0.99),
                        latency.max(java.util.concurrent.TimeUnit.MILLISECONDS),
                        batches.count(),
                        batches.mean())
            };
        }
    }

    private static String percentOf(long count, long startNanos, double rawPerSecond) {
        double perSecond = count / ((System.nanoTime() - startNanos) / 1e9);
        return String.format("%.0f %%", 100 * perSecond / rawPerSecond);
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(KraftBroker kafka, String topic, int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(kafka)) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty()) {
                partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static double percentile(Timer timer, double percentile) {
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            if (value.percentile() == percentile) {
                return value.value(java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }

    private static String[] row(String name, long count, long startNanos, String notes) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new String[] {name, String.format("%,.0f", count / seconds), notes};
    }
}
