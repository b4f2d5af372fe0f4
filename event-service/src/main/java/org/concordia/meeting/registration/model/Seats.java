package org.concordia.meeting.registration.model;

import org.jspecify.annotations.Nullable;

/**
 * A meeting's seat counters, each changed by one atomic store operation. Tickets number the answers that asked for a
 * seat in the order the store granted them; that order is the waitlist's.
 */
public interface Seats {

    /**
     * Claims a seat within the capacity (none: unlimited) and the organization's delegation limit (none: unlimited)
     * and draws a ticket.
     *
     * @return the ticket, positive when a seat was claimed, negative (its opposite) when none was free
     */
    long claim(
            String meetingId,
            @Nullable String organizationId,
            @Nullable Integer capacity,
            @Nullable Integer seatsPerOrganization);

    /** Claims a seat for someone who has a ticket already; no new ticket. */
    boolean claimWithoutTicket(
            String meetingId,
            @Nullable String organizationId,
            @Nullable Integer capacity,
            @Nullable Integer seatsPerOrganization);

    /** Gives a claimed seat back. */
    void release(String meetingId, @Nullable String organizationId, @Nullable Integer seatsPerOrganization);

    long confirmed(String meetingId);
}
