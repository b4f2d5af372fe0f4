package org.concordia.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The launcher is watched from the moment the service's environment is known, so a launcher killed while the service
 * is still starting stops it too; once started, the service is stopped through its context.
 */
class ParentProcessListenerTest {

    private final List<@Nullable ConfigurableApplicationContext> stops = new CopyOnWriteArrayList<>();
    private @Nullable Process launcher;

    @AfterEach
    void endLauncher() {
        if (launcher != null) {
            launcher.destroyForcibly();
        }
    }

    @Test
    void a_launcher_killed_before_the_context_exists_stops_the_service() throws Exception {
        launcher = jshell();
        ParentProcessListener listener = new ParentProcessListener(stops::add);
        SpringApplication application = application(listener);

        application.addInitializers(context -> {
            launcher.destroyForcibly();
            await().atMost(Duration.ofSeconds(20)).until(() -> stops.size() == 1);
        });
        try (ConfigurableApplicationContext started = application.run("--concordia.parent-pid=" + launcher.pid())) {
            assertThat(stops).containsExactly((ConfigurableApplicationContext) null);
        }
    }

    @Test
    void a_started_service_is_stopped_through_its_context_and_not_again_after_it_closed() throws Exception {
        launcher = jshell();
        ParentProcessListener listener = new ParentProcessListener(stops::add);
        ConfigurableApplicationContext started = application(listener).run("--concordia.parent-pid=" + launcher.pid());

        launcher.destroyForcibly().waitFor();
        await().atMost(Duration.ofSeconds(20)).until(() -> stops.size() == 1);
        assertThat(stops.get(0)).isSameAs(started);

        started.close();
        Process second = jshell();
        ParentProcessListener closedFirst = new ParentProcessListener(stops::add);
        application(closedFirst).run("--concordia.parent-pid=" + second.pid()).close();
        second.destroyForcibly().waitFor();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> stops.size() == 1);
    }

    @Test
    void without_a_parent_pid_nothing_is_watched() {
        try (ConfigurableApplicationContext started =
                application(new ParentProcessListener(stops::add)).run()) {
            assertThat(started.isActive()).isTrue();
        }
        assertThat(stops).isEmpty();
    }

    private static SpringApplication application(ParentProcessListener listener) {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setListeners(List.of(listener));
        application.setRegisterShutdownHook(false);
        return application;
    }

    private static Process jshell() throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jshell")
                        .toString())
                .start();
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {}
}
