package org.concordia.notification.announcement.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rate limit of each organization as {@code limit} slots, each held for a window from the moment an announcement
 * takes it: at most {@code limit} announcements in any window, however many instances write at once, since taking a
 * slot is one atomic conditional update.
 */
public interface Quotas {

    /** A slot taken, to give back when the announcement it was taken for is not stored after all. */
    record Slot(String id, Instant heldUntil, Instant previouslyUntil) {}

    /** Takes a free slot of the organization until {@code now + window}, atomically; empty when all are held. */
    Optional<Slot> take(String organizationId, int limit, Duration window, Instant now);

    /** How long until the first of the organization's slots is free again. */
    Duration untilFree(String organizationId, int limit, Instant now);

    /** Frees the slot as it was before it was taken, unless it was taken again since. */
    void giveBack(Slot slot);
}
