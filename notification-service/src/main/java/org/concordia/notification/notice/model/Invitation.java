package org.concordia.notification.notice.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The calendar entry a meeting notification carries as an {@code .ics}: UID is the meeting id and SEQUENCE the
 * meeting's, as event-service writes them.
 *
 * @param recurrenceId the original start of the one occurrence concerned, if only one is
 * @param rrule the series' RFC 5545 recurrence rule, in the meeting's zone, when the whole series is concerned
 */
public record Invitation(
        String meetingId,
        int sequence,
        boolean cancelled,
        String title,
        Instant start,
        Instant end,
        String timeZone,
        @Nullable String location,
        @Nullable String organizerName,
        @Nullable String organizerEmail,
        @Nullable Instant recurrenceId,
        @Nullable String rrule) {}
