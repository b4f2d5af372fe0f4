package org.concordia.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A service started by the local platform ends when the platform's process ends, even when it was killed. */
class ParentProcessWatchTest {

    private final AtomicInteger stops = new AtomicInteger();

    @Test
    void the_service_stops_once_when_its_launcher_is_killed() throws Exception {
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jshell")
                        .toString())
                .start();
        ParentProcessWatch watch = new ParentProcessWatch(launcher.pid(), stops::incrementAndGet);
        watch.start();

        launcher.destroyForcibly().waitFor();

        await().atMost(Duration.ofSeconds(20)).until(() -> stops.get() == 1);
        assertThat(watch.isRunning()).isFalse();
    }

    @Test
    void a_launcher_that_is_already_gone_stops_the_service_at_once() throws Exception {
        Process launcher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .start();
        launcher.waitFor();

        new ParentProcessWatch(launcher.pid(), stops::incrementAndGet).start();

        await().atMost(Duration.ofSeconds(20)).until(() -> stops.get() == 1);
    }

    @Test
    void a_service_that_stops_first_is_not_stopped_again() throws Exception {
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jshell")
                        .toString())
                .start();
        ParentProcessWatch watch = new ParentProcessWatch(launcher.pid(), stops::incrementAndGet);
        watch.start();
        watch.stop();

        launcher.destroyForcibly().waitFor();

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> stops.get() == 0);
    }
}
