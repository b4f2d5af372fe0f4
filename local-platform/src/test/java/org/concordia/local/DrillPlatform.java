package org.concordia.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concordia.embedded.KraftBroker;
import org.concordia.embedded.WireProtocolMongo;
import org.concordia.testing.security.TestIssuer;
import org.jspecify.annotations.Nullable;

/**
 * The platform as a fault drill needs it: a broker and a store in this JVM that the drill can stop and start again on
 * the same port with the same data, an SMTP catcher, and services as real child processes started from the jars the
 * build made (each can be stopped gracefully or killed outright).
 */
final class DrillPlatform implements AutoCloseable {

    static final Duration READY_WITHIN = Duration.ofMinutes(4);

    private final Path home;
    private final String name;
    private final Path data;
    private final Status status = new Status(System.out);
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Supervisor supervisor = new Supervisor(services, status);
    private final int kafkaPort;
    private @Nullable KraftBroker kafka;
    private final WireProtocolMongo mongo;
    private final GreenMail mail;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DrillPlatform(String name, Path data, boolean storeOnFile) {
        this.home = Path.of("").toAbsolutePath().getParent();
        this.name = name;
        this.data = data;
        this.kafkaPort = freePort();
        this.kafka = KraftBroker.startIn(data.resolve("kafka"), kafkaPort, 3, Map.of());
        this.mongo = storeOnFile
                ? WireProtocolMongo.startWithFile(data.resolve("mongo/drill.mv.db"), freePort())
                : WireProtocolMongo.start(0);
        this.mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    /** A broker with its log in {@code data} (services' logs in {@code target/drill-logs/<name>}), an in-memory store, an SMTP catcher. */
    static DrillPlatform open(String name, Path data) {
        return new DrillPlatform(name, data, false);
    }

    /** The same with the store in a file of {@code data}, so the whole platform can be restarted. */
    static DrillPlatform openKeepingData(String name, Path data) {
        return new DrillPlatform(name, data, true);
    }

    /** Starts a service's jar pointed at this platform's broker, store (unless given another) and SMTP catcher. */
    ServiceProcess start(String module, @Nullable String mongoUri, String... more) {
        PlatformService service = PlatformService.ALL.stream()
                .filter(s -> s.module().equals(module))
                .findFirst()
                .orElseThrow();
        Path jar = service.jar(home);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the drills run the services' jars, which"
                    + " ./mvnw verify packages before this module (or ./mvnw -DskipTests package)");
        }
        int port = freePort();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.mongodb.uri=" + (mongoUri == null ? mongo.connectionString() : mongoUri),
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--concordia.parent-pid=" + ProcessHandle.current().pid(),
                // the drills sign their callers' tokens with the test issuer, whose keys the services fetch over HTTP
                "--concordia.security.issuer-uri=" + TestIssuer.get().issuerUri(),
                "--logging.level.org.apache.kafka=WARN"));
        arguments.addAll(List.of(more));
        try {
            // Kept beside the build's other reports, so a failed drill can be read afterwards.
            Path logs = Files.createDirectories(Path.of("target", "drill-logs", name));
            ServiceProcess process = ServiceProcess.start(service, jar, port, arguments, logs, status);
            services.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until each is ready. */
    void awaitReady(ServiceProcess... processes) throws InterruptedException {
        for (ServiceProcess process : processes) {
            process.awaitReady(READY_WITHIN, supervisor);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful end, as a crashed machine or an OOM killer would do it. */
    void kill(ServiceProcess process) throws InterruptedException {
        process.process().destroyForcibly();
        process.process().waitFor();
        services.remove(process);
    }

    /** SIGTERM and wait: Spring's graceful shutdown. */
    void stop(ServiceProcess process) throws InterruptedException {
        process.process().destroy();
        process.process().waitFor();
        services.remove(process);
    }

    void stopBroker() {
        KraftBroker running = kafka;
        kafka = null;
        if (running != null) {
            running.close();
        }
    }

    void startBroker() {
        if (kafka == null) {
            kafka = KraftBroker.startIn(data.resolve("kafka"), kafkaPort, 3, Map.of());
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String mongoUri() {
        return mongo.connectionString();
    }

    MongoClient mongoClient() {
        return MongoClients.create(mongo.connectionString());
    }

    GreenMail mail() {
        return mail;
    }

    /** A JSON call to a service as an operator; the answer's status and body. */
    HttpResponse<String> call(ServiceProcess service, String method, String path, @Nullable String json) {
        return call(TestIssuer.get().person("drill-operator").operator().sign(), service, method, path, json);
    }

    /** A JSON call to a service with the bearer token of whoever acts; the answer's status and body. */
    HttpResponse<String> call(String token, ServiceProcess service, String method, String path, @Nullable String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of a Prometheus metric's series on a service ({@code /actuator/prometheus}); 0 while it has none. */
    double metric(ServiceProcess service, String name) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.port() + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Bearer "
                                + TestIssuer.get()
                                        .client("drill-monitoring")
                                        .operator()
                                        .sign())
                .header("Accept", "text/plain")
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            List<String> series = response.body()
                    .lines()
                    .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .toList();
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        service.name() + " answered " + response.statusCode() + " for its metrics: " + response.body());
            }
            return series.stream()
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        supervisor.stopAll(Duration.ofSeconds(20));
        mail.stop();
        mongo.close();
        stopBroker();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
