package org.concordia.notification.announcement.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The announcements, each written with the events its change caused. */
public interface Announcements {

    Optional<Announcement> byId(String id);

    Announcement add(Announcement announcement);

    /** @throws org.springframework.dao.OptimisticLockingFailureException when it changed since it was read */
    Announcement update(Announcement announcement);

    /** The organization's announcements, newest first. */
    java.util.List<Announcement> ofOrganization(String organizationId, int offset, int limit);

    long countOfOrganization(String organizationId);

    /**
     * Claims one scheduled announcement that is due, for {@code lease}, atomically, so that no other instance
     * sends it meanwhile.
     */
    Optional<String> claimDue(Instant now, Duration lease, String owner);
}
