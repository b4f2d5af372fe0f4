package org.concordia.notification.recipient;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A meeting as the last applied event described it: what reminders and calendar files need.
 *
 * @param occurrenceStarts every planned start of a series; empty for a single meeting
 * @param cancelledOccurrences recurrence ids (original starts) of occurrences called off
 */
public record KnownMeeting(
        String id,
        String title,
        String organizationId,
        Instant start,
        Instant end,
        String timeZone,
        int sequence,
        List<Integer> reminderMinutesBefore,
        List<Instant> occurrenceStarts,
        List<Instant> cancelledOccurrences,
        boolean cancelled,
        @Nullable String format,
        @Nullable String venue,
        @Nullable String onlineLink,
        @Nullable String organizerName,
        @Nullable String organizerEmail) {

    /** The starts reminders are due before: each occurrence still planned, or the meeting's own start. */
    public List<Instant> plannedStarts() {
        if (cancelled) {
            return List.of();
        }
        if (occurrenceStarts.isEmpty()) {
            return List.of(start);
        }
        return occurrenceStarts.stream()
                .filter(s -> !cancelledOccurrences.contains(s))
                .toList();
    }
}
