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
