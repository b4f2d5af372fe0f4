package org.concordia.meeting.meeting.model;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The stored meetings; adding and updating also publishes the events the meeting has pending. */
public interface Meetings {

    Optional<Meeting> byId(String id);

    List<Meeting> byIds(Collection<String> ids);

    /**
     * Scheduled meetings some part of which (a series' occurrences between its first start and its last end) falls
     * between the two instants, at most {@code limit}; one store operation.
     */
    List<Meeting> overlapping(Instant from, Instant to, int limit);

    /**
     * Meetings whose organizer or targets may concern a person: organized by them, inviting them by name, inviting
     * one of the organizations (members or network), or the partners of one of the projects; the newest
     * {@code limit} by start. One store operation; the caller decides with the person's memberships and roles.
     */
    List<Meeting> concerning(
            String personId, Collection<String> organizationIds, Collection<String> projectIds, int limit);

    Meeting add(Meeting meeting);

    Meeting update(Meeting meeting);

    /**
     * Meetings of an organization (or of every organization when {@code organizationId} is null), by start, that
     * start at or after {@code from} when given.
     */
    List<Meeting> find(
            @Nullable String organizationId,
            @Nullable MeetingStatus status,
            @Nullable Instant from,
            int offset,
            int limit);

    long count(@Nullable String organizationId, @Nullable MeetingStatus status, @Nullable Instant from);
}
