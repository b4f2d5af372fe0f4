package org.concordia.local;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** One service's jar running as a child process, its output kept in a log file of its own. */
final class ServiceProcess {

    /**
     * Small heaps, the serial collector and the quick compiler: the local platform runs six JVMs on a laptop, where
     * memory and start time count more than peak throughput.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xms32m",
            "-Xmx192m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=48m",
            "-XX:+ExitOnOutOfMemoryError");

    /** glibc's malloc keeps an arena per thread that allocates; two are plenty for a service and use less memory. */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /** Spring Boot's console pattern: date, level, pid. */
    private static final Pattern WARNING = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s.*");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PlatformService service;
    private final int port;
    private final Process process;
    private final Path log;

    ServiceProcess(PlatformService service, int port, Process process, Path log) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(
            PlatformService service, Options options, List<String> arguments, Path logs, Status status)
            throws IOException {
        return start(service, service.jar(options.home()), service.port(options), arguments, logs, status);
    }

    /** Starts the service's jar with the given arguments; the service must listen on {@code port}. */
    static ServiceProcess start(
            PlatformService service, Path jar, int port, List<String> arguments, Path logs, Status status)
            throws IOException {
        return start(service, List.of("-jar", jar.toString()), port, arguments, logs, status);
    }

    /**
     * Starts the service as {@code launch} says (the JVM's options besides {@link #JVM_OPTIONS}, ending with what to
     * run, e.g. {@code -jar} and the jar) with the given arguments; the service must listen on {@code port}.
     */
    static ServiceProcess start(
            PlatformService service, List<String> launch, int port, List<String> arguments, Path logs, Status status)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_OPTIONS);
        command.addAll(launch);
        command.addAll(arguments);
        Path log = logs.resolve(service.module() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(ENVIRONMENT);
        Process process = builder.start();
        ServiceProcess started = new ServiceProcess(service, port, process, log);
        started.copyOutput(status);
        return started;
    }

    static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** Everything into the log file; warnings and errors also to the terminal. */
    private void copyOutput(Status status) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader = new BufferedReader(
                                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                            BufferedWriter writer = Files.newBufferedWriter(
                                    log,
                                    StandardCharsets.UTF_8,
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.APPEND)) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            writer.write(line);
                            writer.newLine();
                            writer.flush();
                            if (WARNING.matcher(line).matches()) {
                                status.warn(name() + ": " + abbreviate(line));
                            }
                        }
                    } catch (IOException ignored) {
                        // the child ended
                    }
                },
                "log-" + service.module());
        thread.setDaemon(true);
        thread.start();
    }

    private static String abbreviate(String line) {
        // Drop the date, pid and thread: the terminal line has its own time.
        int message = line.indexOf(" : ");
        String level = line.contains(" ERROR ") ? "ERROR " : "WARN ";
        String text = message > 0 ? line.substring(message + 3) : line;
        return level + (text.length() > 240 ? text.substring(0, 240) + "…" : text);
    }

    /** Waits for the service's readiness probe, or fails when the service ends or takes too long. */
    void awaitReady(Duration within, Supervisor supervisor) throws InterruptedException {
        URI readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready(readiness)) {
                return;
            }
            supervisor.failIfAnyEnded();
            try {
                // Waiting on the child's end doubles as the pause between two probes.
                process.onExit().get(500, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // probe again
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(
                name() + " did not become ready within " + within.toSeconds() + " s; see " + log);
    }

    private static boolean ready(URI readiness) throws InterruptedException {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(readiness)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    String name() {
        return service.module();
    }

    int port() {
        return port;
    }

    PlatformService service() {
        return service;
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }
}
