package org.concordia.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.concordia.embedded.KraftBroker;
import org.concordia.embedded.WireProtocolMongo;

/**
 * The whole platform on one machine, without Docker: a Kafka KRaft broker in this process, mongo-java-server (a
 * MongoDB wire-protocol server) in this process, and each service's jar as a child process pointed at both. Data
 * lives in memory and is gone when this process ends; {@code --demo} loads the demo organizations and projects.
 */
public final class LocalPlatform {

    record Service(String module, int port, List<String> extraArgs) {}

    private final List<Process> children = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new LocalPlatform().run(Arrays.asList(args));
    }

    private void run(List<String> args) throws Exception {
        boolean demo = args.contains("--demo");
        Path home = Path.of(System.getProperty("concordia.home", "."))
                .toAbsolutePath()
                .normalize();
        int kafkaPort = intEnv("KAFKA_PORT", 9092);
        int mongoPort = intEnv("MONGO_PORT", 27017);
        long started = System.nanoTime();

        KraftBroker kafka = KraftBroker.start(kafkaPort, 6, Map.of());
        WireProtocolMongo mongo = WireProtocolMongo.start(mongoPort);
        String bootstrap = kafka.bootstrapServers();
        String mongoUri = mongo.connectionString();
        log("platform", "Kafka (KRaft) on " + bootstrap + ", MongoDB wire server on " + mongoUri);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            children.forEach(Process::destroy);
            for (Process child : children) {
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            mongo.close();
            kafka.close();
        }));

        List<Service> services = List.of(
                new Service(
                        "organization-service",
                        intEnv("ORGANIZATION_PORT", 8081),
                        demo ? List.of("--concordia.demo.load=true") : List.of()),
                new Service(
                        "project-service",
                        intEnv("PROJECT_PORT", 8082),
                        demo ? List.of("--concordia.demo.load=true") : List.of()),
                new Service("event-service", intEnv("EVENT_PORT", 8083), List.of()),
                new Service("notification-service", intEnv("NOTIFICATION_PORT", 8084), List.of()),
                identity(intEnv("IDENTITY_PORT", 9000), demo));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (Service service : services) {
            Path jar = home.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests install");
            }
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-Xmx512m",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    jar.toString(),
                    "--server.port=" + service.port(),
                    "--spring.mongodb.uri=" + mongoUri,
                    "--spring.kafka.bootstrap-servers=" + bootstrap));
            command.addAll(service.extraArgs());
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            children.add(process);
            pipe(service.module(), process);
        }

        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (Service service : services) {
            awaitReady(http, service);
        }
        log("platform", String.format("ready in %.1f s", (System.nanoTime() - started) / 1e9));
        for (Service service : services) {
            log(
                    "platform",
                    String.format(
                            "%-21s http://localhost:%d/swagger-ui.html  (health: /actuator/health)",
                            service.module(), service.port()));
        }
        log("platform", "Ctrl-C stops everything");
        for (Process child : children) {
            child.waitFor();
        }
    }

    /**
     * The OpenID Connect provider; its issuer names its port. With {@code --demo}, every demo person signs in with
     * the demo password and the operator client has the documented demo secret.
     */
    private static Service identity(int port, boolean demo) {
        List<String> args = new ArrayList<>(List.of(
                "--concordia.identity.issuer=http://localhost:" + port,
                "--concordia.identity.public-url=http://localhost:" + port));
        if (demo) {
            args.add("--concordia.demo.load=true");
            args.add("--concordia.identity.clients.concordia-operator.secret=operator-demo-secret");
        }
        return new Service("identity-service", port, List.copyOf(args));
    }

    private void awaitReady(HttpClient http, Service service) throws InterruptedException {
        URI readiness = URI.create("http://localhost:" + service.port() + "/actuator/health/readiness");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    log("platform", service.module() + " is ready on port " + service.port());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (children.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("a service exited during startup; see its output above");
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(service.module() + " did not become ready within 3 minutes");
    }

    private static void pipe(String name, Process process) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            log(name, line);
                        }
                    } catch (IOException ignored) {
                        // the child ended
                    }
                },
                "output-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private static synchronized void log(String source, String line) {
        System.out.printf("%-21s| %s%n", source, line);
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
