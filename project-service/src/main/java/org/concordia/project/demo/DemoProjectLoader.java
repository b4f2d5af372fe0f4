package org.concordia.project.demo;

import java.time.Duration;
import java.time.Instant;
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
    private volatile Thread worker;

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
        Thread thread = new Thread(this::waitAndLoad, "demo-project-loader");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    private void waitAndLoad() {
        Instant deadline = Instant.now().plus(wait);
        try {
            while (running && !demo.organizationsKnown()) {
                if (Instant.now().isAfter(deadline)) {
                    log.warn(
                            "Demo project not loaded: the demo organizations did not arrive from organization-events"
                                    + " within {}; is organization-service loading its demo data?",
                            wait);
                    return;
                }
                Thread.sleep(poll.toMillis());
            }
            for (int attempt = 1; running && attempt <= ATTEMPTS; attempt++) {
                try {
                    int changes = demo.load();
                    log.info(
                            changes == 0 ? "Demo project {} was loaded already" : "Demo project {} loaded ({} changes)",
                            DemoProject.PROJECT_ID,
                            changes);
                    return;
                } catch (RuntimeException e) {
                    log.warn("Loading the demo project failed (attempt {} of {}): {}", attempt, ATTEMPTS, e.toString());
                    Thread.sleep(poll.toMillis() * attempt);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
