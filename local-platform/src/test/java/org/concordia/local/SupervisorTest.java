package org.concordia.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stopping the platform leaves no process behind: not a service, not what a service started, not a stubborn one. */
class SupervisorTest {

    private final List<ServiceProcess> services = new ArrayList<>();
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final Supervisor supervisor = new Supervisor(services, new Status(new PrintStream(terminal, true)));

    @AfterEach
    void leaveNothingBehind() {
        services.forEach(service -> service.process().descendants().forEach(ProcessHandle::destroyForcibly));
        services.forEach(service -> service.process().destroyForcibly());
    }

    @Test
    void stopping_ends_every_service_and_every_process_it_started() throws Exception {
        start("calm");
        start("calm");
        List<ProcessHandle> all = everyProcess();
        assertThat(all).hasSize(4);

        supervisor.stopAll(Duration.ofSeconds(20));

        assertThat(all).noneMatch(ProcessHandle::isAlive);
        assertThat(terminal.toString()).doesNotContain("did not stop");
    }

    @Test
    void a_service_that_does_not_stop_when_asked_is_ended_after_the_grace_period() throws Exception {
        start("calm");
        start("stubborn");
        List<ProcessHandle> all = everyProcess();

        supervisor.stopAll(Duration.ofSeconds(3));

        assertThat(all).noneMatch(ProcessHandle::isAlive);
        assertThat(terminal.toString()).contains("did not stop within 3 s; ending it");
    }

    @Test
    void the_platform_learns_that_everything_is_being_stopped() throws Exception {
        start("calm");
        Thread stopper = new Thread(() -> supervisor.stopAll(Duration.ofSeconds(20)));

        stopper.start();

        assertThat(supervisor.awaitAny()).isTrue();
        stopper.join();
    }

    private void start(String mode) throws Exception {
        Process process = new ProcessBuilder(javaCommand(mode, "service"))
                .redirectErrorStream(true)
                .start();
        services.add(new ServiceProcess(
                new PlatformService("lingering-" + services.size(), 0, "/"), 0, process, Path.of("unused.log")));
        // Started once it has started its own child and says so.
        assertThat(new String(process.getInputStream().readNBytes("lingering".length())))
                .isEqualTo("lingering");
    }

    private List<ProcessHandle> everyProcess() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> services.stream()
                        .allMatch(service -> service.process().descendants().count() == 1));
        return services.stream()
                .flatMap(service -> Stream.concat(
                        Stream.of(service.process().toHandle()),
                        service.process().descendants()))
                .toList();
    }

    static List<String> javaCommand(String mode, String role) {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Lingering.class.getName(),
                mode,
                role);
    }
}
