package org.concordia.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.concordia.embedded.KraftBroker;
import org.concordia.embedded.WireProtocolMongo;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine, without Docker: a Kafka KRaft broker and mongo-java-server (a MongoDB
 * wire-protocol server) in this process, an SMTP catcher, and each service's jar as a child process pointed at them.
 *
 * <p>Everything is kept in a data folder ({@code .concordia-data} beside the sources unless {@code --data} names
 * another): the store in one file, the broker's log, the caught e-mails and each service's log. A restart finds
 * everything again; {@code --reset} empties the folder first. The terminal shows what starts, what is ready, where
 * to go, and the warnings and errors of the services; their full logs are in the data folder.
 */
public final class LocalPlatform {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    /**
     * The broker's defaults are sized for a server: its log cleaner alone takes a 128 MiB buffer on the heap. A few
     * megabytes and threads are plenty for one machine's records.
     */
    static final Map<String, String> BROKER_FOOTPRINT = Map.of(
            "log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024),
            "log.cleaner.threads", "1",
            "num.io.threads", "2",
            "num.network.threads", "2",
            "background.threads", "2",
            "num.recovery.threads.per.data.dir", "1");

    /** With --demo, this demo person is also an operator in the console. */
    static final String DEMO_OPERATOR = "daniel.carter@allatra.example";

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(Arrays.asList(args));
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        Path data = options.data();
        if (options.reset()) {
            delete(data);
        }
        Files.createDirectories(data.resolve("logs"));
        // Kafka's and the store's own logging go to a file; the terminal is for the person.
        System.setProperty(
                "org.slf4j.simpleLogger.logFile",
                data.resolve("logs/platform.log").toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        try {
            new LocalPlatform().run(options);
        } catch (Exception | Error e) {
            // The broker's threads would keep this process, and so the services, running: end everything.
            System.err.println(e.getMessage() == null ? e.toString() : e.getMessage());
            System.exit(1);
        }
    }

    private void run(Options options) throws Exception {
        Status status = new Status(System.out);
        Path data = options.data();
        long started = System.nanoTime();
        status.step("Data folder " + data + (options.reset() ? " (emptied)" : ""));

        // Logging is set up before a second thread logs, or SLF4J replays that thread's first lines on the terminal.
        LoggerFactory.getILoggerFactory();
        // The broker opens its log while the store opens and the services start: they reach Kafka only once their
        // own start is well under way, seconds after the broker is up.
        CompletableFuture<KraftBroker> kafkaStarting = CompletableFuture.supplyAsync(
                () -> KraftBroker.startIn(data.resolve("kafka"), options.kafkaPort(), 6, BROKER_FOOTPRINT),
                runnable -> new Thread(runnable, "kafka-start").start());
        WireProtocolMongo mongo =
                WireProtocolMongo.startWithFile(data.resolve("mongo/concordia.mv.db"), options.mongoPort());
        MailCatcher mail = MailCatcher.start(options.smtpPort(), data.resolve("mail"), status);
        String kafka = options.kafkaPort() > 0
                ? "127.0.0.1:" + options.kafkaPort()
                : kafkaStarting.join().bootstrapServers();
        status.step("Kafka (KRaft) starting on " + kafka + ", MongoDB wire server on " + mongo.connectionString()
                + ", SMTP catcher on localhost:" + mail.port());

        List<ServiceProcess> services = new ArrayList<>();
        Supervisor supervisor = new Supervisor(services, status);
        ClassDataSharing sharing = new ClassDataSharing(data.resolve("cds"), data.resolve("logs"));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            status.step("Stopping");
                            sharing.abort();
                            supervisor.stopAll(Duration.ofSeconds(30));
                            mail.close();
                            mongo.close();
                            kafkaStarting.thenAccept(KraftBroker::close).exceptionally(failed -> null);
                            status.step("Stopped; everything is kept in " + data);
                        },
                        "local-platform-shutdown"));

        List<PlatformService> available = PlatformService.available(options.home());
        if (options.classDataSharing()) {
            prepareFasterStarts(sharing, available, options, mongo, kafka, mail, status);
            if (sharing.aborted()) {
                return; // stopped while preparing
            }
        }
        for (PlatformService service : available) {
            List<String> launch = options.classDataSharing()
                    ? sharing.launch(service, service.jar(options.home()))
                    : List.of("-jar", service.jar(options.home()).toString());
            ServiceProcess process = ServiceProcess.start(
                    service,
                    launch,
                    service.port(options),
                    arguments(service, options, mongo, kafka, mail),
                    data.resolve("logs"),
                    status);
            services.add(process);
            status.step("Starting " + service.module() + " on port " + service.port(options));
        }

        try {
            kafkaStarting.join();
        } catch (CompletionException e) {
            throw new IllegalStateException(
                    "Kafka did not start: " + e.getCause().getMessage(), e.getCause());
        }
        for (ServiceProcess service : services) {
            service.awaitReady(READY_WITHIN, supervisor);
            status.ready(service.name() + " is ready on http://localhost:" + service.port());
        }
        status.block(summary(options, services, mail, data, (System.nanoTime() - started) / 1e9, resident(services)));
        if (supervisor.awaitAny()) {
            return;
        }
        status.warn("A service ended on its own; see its log in " + data.resolve("logs"));
        System.exit(1);
    }

    /**
     * Once per build of a service (and on the first start in a data folder): its jar extracted and a class data
     * sharing archive made by a training start, all services at once; later starts of that jar use them.
     */
    private static void prepareFasterStarts(
            ClassDataSharing sharing,
            List<PlatformService> available,
            Options options,
            WireProtocolMongo mongo,
            String kafka,
            MailCatcher mail,
            Status status) {
        List<PlatformService> stale = available.stream()
                .filter(service -> sharing.stale(service, service.jar(options.home())))
                .toList();
        if (stale.isEmpty()) {
            return;
        }
        status.step("Preparing faster starts of "
                + stale.stream().map(PlatformService::module).toList()
                + " (once per build: each is started once to record the classes it loads)");
        List<CompletableFuture<Void>> preparations = stale.stream()
                .map(service -> CompletableFuture.runAsync(
                        () -> {
                            if (!sharing.prepare(
                                    service,
                                    service.jar(options.home()),
                                    ServiceProcess.JVM_OPTIONS,
                                    arguments(service, options, mongo, kafka, mail))) {
                                status.warn(service.module() + " starts from its jar this time (see "
                                        + options.data().resolve("logs").resolve(service.module() + ".cds.log")
                                        + ")");
                            }
                        },
                        runnable -> new Thread(runnable, "cds-" + service.module()).start()))
                .toList();
        CompletableFuture.allOf(preparations.toArray(CompletableFuture[]::new)).join();
    }

    /** The arguments each service is started with: the platform's servers, its port, its neighbours. */
    private static List<String> arguments(
            PlatformService service, Options options, WireProtocolMongo mongo, String kafka, MailCatcher mail) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + service.port(options),
                "--spring.mongodb.uri=" + mongo.connectionString(),
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.port(),
                "--concordia.parent-pid=" + ProcessHandle.current().pid()));
        // Kafka clients warn about every rebalance and missing topic; in the terminal that is noise.
        arguments.add("--logging.level.org.apache.kafka=ERROR");
        arguments.add("--logging.level.org.springdoc=ERROR");
        if (options.demo()) {
            arguments.add("--concordia.demo.load=true");
        }
        if (service.module().equals("identity-service")) {
            // The issuer names the provider's own port; with --demo the operator client has the documented secret.
            String issuer = "http://localhost:" + service.port(options);
            arguments.add("--concordia.identity.issuer=" + issuer);
            arguments.add("--concordia.identity.public-url=" + issuer);
            arguments.add("--concordia.identity.clients.concordia-console.redirect-uris=http://localhost:"
                    + PlatformService.named("console").port(options) + "/login/oauth2/code/concordia");
            if (options.demo()) {
                arguments.add("--concordia.identity.clients.concordia-operator.secret=operator-demo-secret");
                arguments.add("--concordia.identity.operators=" + DEMO_OPERATOR);
            }
        }
        if (!service.module().equals("identity-service") && !service.module().equals("console")) {
            // every API takes the tokens of the local identity-service
            arguments.add("--concordia.security.issuer-uri=" + local("identity-service", options));
        }
        if (service.module().equals("console")) {
            // plain HTTP on this machine: the session cookie cannot be Secure here
            arguments.add("--server.servlet.session.cookie.secure=false");
            arguments.add("--concordia.console.identity-public-uri=" + local("identity-service", options));
            arguments.add("--concordia.console.identity-uri=" + local("identity-service", options));
            arguments.add("--concordia.console.organization-uri=" + local("organization-service", options));
            arguments.add("--concordia.console.project-uri=" + local("project-service", options));
            arguments.add("--concordia.console.event-uri=" + local("event-service", options));
            arguments.add("--concordia.console.notification-uri=" + local("notification-service", options));
        }
        return arguments;
    }

    private static String local(String module, Options options) {
        return "http://localhost:" + PlatformService.named(module).port(options);
    }

    private static List<String> summary(
            Options options,
            List<ServiceProcess> services,
            MailCatcher mail,
            Path data,
            double seconds,
            OptionalLong residentKib) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "Concordia is ready (%.1f s%s)%s",
                seconds,
                residentKib.isPresent() ? String.format(", %d MiB resident", residentKib.getAsLong() / 1024) : "",
                options.demo() ? " with the demo data" : ""));
        lines.add("");
        for (ServiceProcess service : services) {
            lines.add(String.format(
                    "  %-22s http://localhost:%d%s",
                    service.name(), service.port(), service.service().landing()));
        }
        lines.add("");
        lines.add("  E-mail sent by the platform: SMTP localhost:" + mail.port() + "; each message is saved as "
                + data.resolve("mail") + "/*.eml");
        lines.add("  Logs: " + data.resolve("logs") + " (one file per service; platform.log for Kafka and the store)");
        lines.add("  Health: /actuator/health on each port; data kept in " + data + " (--reset empties it)");
        if (options.demo()) {
            lines.add("  Console sign-in: any demo person's e-mail with the password concordia-demo; " + DEMO_OPERATOR
                    + " is also an operator");
        }
        lines.add("");
        lines.add("  Ctrl-C stops everything.");
        return lines;
    }

    /** The resident memory of this process and every service, where the system tells it ({@code /proc}). */
    static OptionalLong resident(List<ServiceProcess> services) {
        long total = 0;
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        services.forEach(service -> pids.add(service.process().pid()));
        for (long pid : pids) {
            try (Stream<String> status = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
                OptionalLong kib = status.filter(line -> line.startsWith("VmRSS:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                        .findFirst();
                if (kib.isEmpty()) {
                    return OptionalLong.empty();
                }
                total += kib.getAsLong();
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(total);
    }

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
