package org.concordia.notification.announcement;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.concordia.notification.announcement.model.Announcement;
import org.concordia.notification.announcement.model.Announcements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sends scheduled announcements when they are due. Each is claimed with a lease, so that several instances never
 * work on the same one at once, and goes out through a versioned write, so that it goes out once even if a lease
 * ran out meanwhile: the second writer finds the version changed and finds it sent.
 */
@Service
public class Sending {

    private static final Logger log = LoggerFactory.getLogger(Sending.class);

    private final Announcements announcements;
    private final Clock clock;
    private final Duration lease;
    private final String owner = "announcing-" + UUID.randomUUID();

    Sending(
            Announcements announcements,
            Clock clock,
            @Value("${concordia.notification.announcements.lease:PT1M}") Duration lease) {
        this.announcements = announcements;
        this.clock = clock;
        this.lease = lease;
    }

    @Scheduled(
            fixedDelayString = "${concordia.notification.announcements.poll-millis:1000}",
            initialDelayString = "${concordia.notification.announcements.poll-millis:1000}")
    void sendDue() {
        try {
            sendDue(owner, 100);
        } catch (RuntimeException e) {
            log.warn("Announcement round stopped: {}", e.toString());
        }
    }

    /** @return how many went out in this round */
    public int sendDue(String owner, int limit) {
        int sent = 0;
        for (int i = 0; i < limit; i++) {
            Optional<String> claimed = announcements.claimDue(clock.instant(), lease, owner);
            if (claimed.isEmpty()) {
                break;
            }
            Optional<Announcement> announcement = announcements.byId(claimed.get());
            if (announcement.isPresent() && announcement.get().sendIfDue(clock.instant())) {
                try {
                    announcements.update(announcement.get());
                    sent++;
                } catch (OptimisticLockingFailureException e) {
                    // edited, cancelled or sent meanwhile: the next round sees its new state once the lease ends
                    log.info("Announcement {} changed while it was being sent", claimed.get());
                }
            }
        }
        return sent;
    }
}
