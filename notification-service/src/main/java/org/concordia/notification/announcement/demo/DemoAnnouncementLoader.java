package org.concordia.notification.announcement.demo;

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
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code concordia.demo.load=true}, waits in the background (never holding up startup) until the demo
 * organizations, their coordinators and the demo project have arrived in the read model, then writes the demo
 * announcements, which go out at once.
 */
@Component
@ConditionalOnProperty(name = "concordia.demo.load", havingValue = "true")
class DemoAnnouncementLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoAnnouncementLoader.class);

    private final DemoAnnouncements demo;
    private final Duration wait;
    private final Duration poll;

    DemoAnnouncementLoader(
            DemoAnnouncements demo,
            @Value("${concordia.demo.wait:10m}") Duration wait,
            @Value("${concordia.demo.poll:1s}") Duration poll) {
        this.demo = demo;
        this.wait = wait;
        this.poll = poll;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenReady() {
        Instant deadline = Instant.now().plus(wait);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-announcement-loader");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (demo.ready()) {
                            log.info("Demo announcements: {} written", demo.load());
                            scheduler.shutdown();
                        } else if (Instant.now().isAfter(deadline)) {
                            log.warn(
                                    "Demo announcements not written: the seeds' organizations, coordinators and"
                                            + " project did not arrive within {}",
                                    wait);
                            scheduler.shutdown();
                        }
                    } catch (RuntimeException e) {
                        log.warn("Writing the demo announcements failed: {}", e.toString());
                        scheduler.shutdown();
                    }
                },
                0,
                poll.toMillis(),
                TimeUnit.MILLISECONDS);
    }
}
