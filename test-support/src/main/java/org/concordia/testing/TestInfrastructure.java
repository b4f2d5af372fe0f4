package org.concordia.testing;

import java.util.Map;
import org.concordia.embedded.KraftBroker;
import org.concordia.embedded.WireProtocolMongo;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One MongoDB and one Kafka broker per test JVM, started on first use and shared by every Spring context, so
 * that cached contexts and test classes reuse them. Each context gets its own database (see
 * {@link TestInfrastructureInitializer}); topics are shared, so tests use their own aggregate ids.
 */
public final class TestInfrastructure {

    public static final int PARTITIONS = 3;
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    private static final String MONGO_IMAGE = "mongo:8.0";

    private static volatile TestInfrastructure instance;

    private final InfrastructureMode mode;
    private final String kafkaBootstrapServers;
    private final String mongoUri;

    private TestInfrastructure(InfrastructureMode.Selection selection) {
        this.mode = selection.mode();
        long started = System.nanoTime();
        if (mode == InfrastructureMode.CONTAINERS) {
            KafkaContainer kafka =
                    new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(PARTITIONS));
            MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
            kafka.start();
            mongo.start();
            kafkaBootstrapServers = kafka.getBootstrapServers();
            mongoUri = mongo.getConnectionString();
        } else {
            KraftBroker kafka = startEmbeddedKafka(0);
            WireProtocolMongo mongo = WireProtocolMongo.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
            kafkaBootstrapServers = kafka.bootstrapServers();
            mongoUri = mongo.connectionString();
        }
        System.out.printf(
                "Concordia test infrastructure: %s (%s); Kafka %s, MongoDB %s, ready in %d ms%n",
                mode, selection.reason(), kafkaBootstrapServers, mongoUri, (System.nanoTime() - started) / 1_000_000);
    }

    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = new TestInfrastructure(InfrastructureMode.select());
                    instance = current;
                }
            }
        }
        return current;
    }

    /**
     * A KRaft broker of its own on the given port (0: any free one), for tests that need a broker they can stop
     * and start again, such as a Kafka outage. The caller destroys it.
     */
    public static KraftBroker startEmbeddedKafka(int port) {
        KraftBroker broker = KraftBroker.start(port, PARTITIONS, Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        return broker;
    }

    public InfrastructureMode mode() {
        return mode;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String mongoUri() {
        return mongoUri;
    }
}
