package org.concordia.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What each person's digests collect: the notifications one combined e-mail will list. */
public interface Digests {

    /**
     * Adds the notifications to their digests (created when new), in one bulk write; adding one twice keeps it
     * once.
     */
    void collect(List<Entry> entries);

    /** The digest's notifications in the order they were collected; empty when there is no such digest. */
    Optional<Collected> find(String digestId);

    /**
     * @param digestId {@link Delivery#digestId}
     * @param period daily or weekly
     */
    record Entry(String digestId, String personId, String notificationId, Instant dueAt, String period) {}

    record Collected(String digestId, String personId, String period, Instant dueAt, List<String> notificationIds) {}
}
