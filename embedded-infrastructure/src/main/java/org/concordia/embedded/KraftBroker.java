package org.concordia.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), started in this JVM from Kafka's own
 * server classes, with its storage formatted the way {@code kafka-storage.sh format} does. Unlike test kits that
 * pick random ports, it listens where it is told, so a client can be pointed at it before it starts, and it can be
 * stopped and started again on the same port.
 */
public final class KraftBroker implements AutoCloseable {

    private final int port;
    private final Path directory;
    private final boolean temporary;
    private final KafkaRaftServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KraftBroker(int port, Path directory, boolean temporary, KafkaRaftServer server) {
        this.port = port;
        this.directory = directory;
        this.temporary = temporary;
        this.server = server;
    }

    /**
     * @param port where clients connect; 0 for any free port
     * @param partitions partitions of automatically created topics
     */
    public static KraftBroker start(int port, int partitions, Map<String, String> overrides) {
        try {
            return start(Files.createTempDirectory("concordia-kraft-"), true, port, partitions, overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A broker whose log lives in the given directory and outlives it: a later start on the same directory finds
     * every topic, record and committed consumer offset again.
     *
     * @param port where clients connect; 0 for any free port
     */
    public static KraftBroker startIn(Path directory, int port, int partitions, Map<String, String> overrides) {
        try {
            Files.createDirectories(directory);
            return start(directory, false, port, partitions, overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KraftBroker start(
            Path directory, boolean temporary, int port, int partitions, Map<String, String> overrides) {
        int brokerPort = port > 0 ? port : freePort();
        try {
            int controllerPort = controllerPort(directory);
            Path logs = directory.resolve("logs");
            Properties properties = new Properties();
            properties.put("process.roles", "broker,controller");
            properties.put("node.id", "1");
            properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            properties.put(
                    "listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            properties.put("controller.listener.names", "CONTROLLER");
            properties.put("inter.broker.listener.name", "PLAINTEXT");
            properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            properties.put("log.dirs", logs.toString());
            properties.put("num.partitions", String.valueOf(partitions));
            properties.put("auto.create.topics.enable", "true");
            properties.put("offsets.topic.replication.factor", "1");
            properties.put("offsets.topic.num.partitions", "5");
            properties.put("transaction.state.log.replication.factor", "1");
            properties.put("transaction.state.log.min.isr", "1");
            properties.put("share.coordinator.state.topic.replication.factor", "1");
            properties.put("share.coordinator.state.topic.min.isr", "1");
            properties.put("group.initial.rebalance.delay.ms", "0");
            properties.put("log.retention.hours", "-1");
            properties.putAll(overrides);
            Path config = directory.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                properties.store(out, "Concordia embedded KRaft broker");
            }
            if (!Files.exists(logs.resolve("meta.properties"))) {
                format(config);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            server.startup();
            return new KraftBroker(brokerPort, directory, temporary, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The controller keeps its port across restarts of a kept directory, as the quorum's voter list names it. */
    private static int controllerPort(Path directory) throws IOException {
        Path file = directory.resolve("controller.port");
        if (Files.exists(file)) {
            return Integer.parseInt(Files.readString(file).trim());
        }
        int port = freePort();
        Files.writeString(file, Integer.toString(port));
        return port;
    }

    private static void format(Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool$.MODULE$.execute(
                new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException(
                    "Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
