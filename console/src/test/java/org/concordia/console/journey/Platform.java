package org.concordia.console.journey;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.concordia.console.ConsoleApplication;
import org.concordia.testing.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform the browser journeys and the seeds' story use, once per test JVM: the test infrastructure's broker and
 * store, an SMTP catcher, organization-service, project-service, event-service, notification-service and
 * identity-service from the jars this build packaged (each a child process, as the local platform runs them), and the
 * console in this JVM.
 */
final class Platform {

    private static final List<String> SERVICES = List.of(
            "identity-service", "organization-service", "project-service", "event-service", "notification-service");
    // generous: the services start side by side on a machine other builds may be loading
    private static final Duration READY_WITHIN = Duration.ofMinutes(10);
    static final String OPERATOR_EMAIL = "ops@concordia-journeys.example";
    static final String OPERATOR_CLIENT = "concordia-operator";
    static final String OPERATOR_SECRET = "journeys-operator-secret";
    static final String DEMO_PASSWORD = "concordia-demo";

    private static Platform instance;

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final int consolePort;
    private final TestInfrastructure infrastructure;
    private ConfigurableApplicationContext console;
    private GreenMail mail;

    private Platform() throws IOException {
        infrastructure = TestInfrastructure.get();
        for (String service : SERVICES) {
            ports.put(service, freePort());
        }
        consolePort = freePort();
    }

    static synchronized Platform get() throws Exception {
        if (instance == null) {
            Platform platform = new Platform();
            platform.start();
            instance = platform;
        }
        return instance;
    }

    private void start() throws Exception {
        long started = System.nanoTime();
        Path home = home();
        Path logs = home.resolve("console/target/journeys");
        Files.createDirectories(logs);
        int smtp = freePort();
        mail = new GreenMail(new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "journeys-platform-stop"));
        for (String service : SERVICES) {
            Path jar = home.resolve(service).resolve("target").resolve(service + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: the journeys run the services this build packaged;"
                        + " run them with ./mvnw -B -pl console -am verify");
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms32m",
                    "-Xmx256m",
                    "-Xss512k",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    jar.toString(),
                    "--server.port=" + ports.get(service),
                    "--spring.mongodb.uri=" + infrastructure.mongoUri(),
                    "--spring.mongodb.database=journeys-" + service,
                    "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                    "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + smtp,
                    "--concordia.parent-pid=" + ProcessHandle.current().pid(),
                    "--logging.level.org.apache.kafka=WARN"));
            if (!service.equals("identity-service")) {
                command.add("--concordia.security.issuer-uri=" + identityUri());
            }
            if (service.equals("identity-service")) {
                command.add("--concordia.demo.load=true");
                command.add("--concordia.identity.issuer=" + identityUri());
                command.add("--concordia.identity.public-url=" + identityUri());
                command.add("--concordia.identity.operators=" + OPERATOR_EMAIL);
                command.add("--concordia.identity.clients." + OPERATOR_CLIENT + ".secret=" + OPERATOR_SECRET);
                command.add("--concordia.identity.clients.concordia-console.redirect-uris=" + consoleUri()
                        + "/login/oauth2/code/concordia");
            }
            processes.add(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    // appended: a later test class that starts the platform again keeps an earlier start's log
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logs.resolve(service + ".log").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start());
        }
        console = new SpringApplicationBuilder(ConsoleApplication.class)
                .run(
                        "--server.port=" + consolePort,
                        "--server.servlet.session.cookie.secure=false",
                        // at the end of the run nobody waits for a page still asking a service that has stopped
                        "--spring.lifecycle.timeout-per-shutdown-phase=5s",
                        "--concordia.console.identity-public-uri=" + identityUri(),
                        "--concordia.console.identity-uri=" + identityUri(),
                        "--concordia.console.organization-uri=" + uri("organization-service"),
                        "--concordia.console.project-uri=" + uri("project-service"),
                        "--concordia.console.event-uri=" + uri("event-service"),
                        "--concordia.console.notification-uri=" + uri("notification-service"));
        HttpClient http = HttpClient.newHttpClient();
        for (String service : SERVICES) {
            awaitReady(http, service);
        }
        System.out.printf(
                "Concordia journeys: console on %s, services ready in %d s (logs in %s)%n",
                consoleUri(), (System.nanoTime() - started) / 1_000_000_000, logs);
    }

    private void awaitReady(HttpClient http, String service) {
        URI readiness = URI.create(uri(service) + "/actuator/health/readiness");
        Process process = processes.get(SERVICES.indexOf(service));
        Awaitility.await(service + " ready")
                .atMost(READY_WITHIN)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(service + " ended with " + process.exitValue()
                                + "; see console/target/journeys/" + service + ".log");
                    }
                    try {
                        return http.send(
                                                HttpRequest.newBuilder(readiness)
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException starting) {
                        return false;
                    }
                });
    }

    private void stop() {
        if (console != null) {
            console.close();
        }
        // the services stop side by side, for 10 s at most together: at the end of the run their broker and store,
        // in this JVM, are stopping too, so a graceful stop may have nothing left to finish
        processes.forEach(Process::destroy);
        java.util.concurrent.CompletableFuture.allOf(
                        processes.stream().map(Process::onExit).toArray(java.util.concurrent.CompletableFuture[]::new))
                .completeOnTimeout(null, 10, java.util.concurrent.TimeUnit.SECONDS)
                .join();
        processes.forEach(Process::destroyForcibly);
    }

    String consoleUri() {
        return "http://localhost:" + consolePort;
    }

    String identityUri() {
        return uri("identity-service");
    }

    String uri(String service) {
        return "http://localhost:" + ports.get(service);
    }

    /** The SMTP catcher every service sends its e-mail to. */
    GreenMail mail() {
        return mail;
    }

    TestInfrastructure infrastructure() {
        return infrastructure;
    }

    static Path home() {
        return Path.of(System.getProperty("concordia.home", ".."))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * A port free now, below the range the system hands out for port 0 (32768 and up on Linux): the services bind theirs
     * up to a minute later, and meanwhile the build's other modules open sockets on port 0 by the hundred, any of which
     * could be given a port chosen from that range.
     */
    private static int freePort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
