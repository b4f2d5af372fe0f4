package org.concordia.meeting.registration.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What registration events tell about the meeting, as it is when the person answers: the meeting itself, or one
 * occurrence of a series (its times then are the occurrence's).
 *
 * @param occurrence the occurrence's number in its series (0 for the first), absent for a single meeting
 * @param recurrenceId the occurrence's iCalendar RECURRENCE-ID, absent for a single meeting
 */
public record Occasion(
        String meetingId,
        String title,
        Instant start,
        Instant end,
        String timeZone,
        String format,
        @Nullable String venue,
        @Nullable String onlineLink,
        String organizerName,
        String organizerEmail,
        int sequence,
        @Nullable Integer occurrence,
        @Nullable Instant recurrenceId) {

    /** The key of the occasion's seats and waitlist: the meeting's id, or {@code <meetingId>#<occurrence>}. */
    public String key() {
        return keyOf(meetingId, occurrence);
    }

    public static String keyOf(String meetingId, @Nullable Integer occurrence) {
        return occurrence == null ? meetingId : meetingId + "#" + occurrence;
    }

    @Nullable
    Instant occurrenceStart() {
        return occurrence == null ? null : start;
    }
}
