package org.concordia.project.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code concordia.demo.load=true}, waits in the background (never holding up startup) until the demo
 * organizations have arrived from organization-events, then loads the demo project. Several instances may do this at
 * once: each step is idempotent and protected by the project's version.
 */
@Component
@ConditionalOnProperty(name = "concordia.demo.load", havingValue = "true")
class DemoProjectLoader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoProjectLoader.class);
    private static final int ATTEMPTS = 5;

    private final DemoProject demo;
    private final Duration wait;
    private final Duration poll;
    private volatile boolean running;
    private volatile ScheduledExecutorService scheduler;
    private Instant deadline;
    private int failures;

    DemoProjectLoader(
            DemoProject demo,
            @Value("${concordia.demo.wait:10m}") Duration wait,
            @Value("${concordia.demo.poll:1s}") Duration poll) {
        this.demo = demo;
        this.wait = wait;
        this.poll = poll;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenReady() {
        deadline = Instant.now().plus(wait);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-project-loader");
            thread.setDaemon(true);
            return thread;
        });
        scheduler = executor;
        executor.scheduleWithFixedDelay(this::tryToLoad, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One look, on the loader's thread: load once the organizations are known, give up at the deadline. */
    private void tryToLoad() {
        if (!running) {
            return;
        }
        if (!demo.organizationsKnown()) {
            if (Instant.now().isAfter(deadline)) {
                log.warn(
                        "Demo project not loaded: the demo organizations did not arrive from organization-events"
                                + " within {}; is organization-service loading its demo data?",
                        wait);
                scheduler.shutdown();
            }
            return;
        }
        try {
            int changes = demo.load();
            log.info(
                    changes == 0 ? "Demo project {} was loaded already" : "Demo project {} loaded ({} changes)",
                    DemoProject.PROJECT_ID,
                    changes);
            scheduler.shutdown();
        } catch (RuntimeException e) {
            failures++;
            log.warn("Loading the demo project failed (attempt {} of {}): {}", failures, ATTEMPTS, e.toString());
            if (failures >= ATTEMPTS) {
                scheduler.shutdown();
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
