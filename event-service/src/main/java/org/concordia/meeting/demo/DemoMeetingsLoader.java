package org.concordia.meeting.demo;

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
 * organizations, people and project have arrived, then schedules the demo meetings. Several instances may do this at
 * once: each meeting's id is fixed, so the second attempt finds it scheduled.
 */
@Component
@ConditionalOnProperty(name = "concordia.demo.load", havingValue = "true")
class DemoMeetingsLoader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoMeetingsLoader.class);
    private static final int ATTEMPTS = 5;

    private final DemoMeetings demo;
    private final Duration wait;
    private final Duration poll;
    private volatile boolean running;
    private volatile ScheduledExecutorService scheduler;
    private Instant deadline = Instant.MAX;
    private int failures;

    DemoMeetingsLoader(
            DemoMeetings demo,
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
            Thread thread = new Thread(runnable, "demo-meetings-loader");
            thread.setDaemon(true);
            return thread;
        });
        scheduler = executor;
        executor.scheduleWithFixedDelay(this::tryToLoad, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tryToLoad() {
        if (!running) {
            return;
        }
        if (!demo.ready()) {
            if (Instant.now().isAfter(deadline)) {
                log.warn(
                        "Demo meetings not scheduled: the demo people, organizations and project did not arrive"
                                + " within {}; are organization-service and project-service loading their demo data?",
                        wait);
                scheduler.shutdown();
            }
            return;
        }
        try {
            int scheduled = demo.load();
            log.info(
                    scheduled == 0 ? "Demo meetings were scheduled already" : "Demo meetings scheduled: {}", scheduled);
            scheduler.shutdown();
        } catch (RuntimeException e) {
            failures++;
            log.warn("Scheduling the demo meetings failed (attempt {} of {}): {}", failures, ATTEMPTS, e.toString());
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
