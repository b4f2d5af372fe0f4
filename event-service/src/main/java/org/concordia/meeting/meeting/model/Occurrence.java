package org.concordia.meeting.meeting.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One occurrence of a series.
 *
 * @param recurrenceId its start as the rule planned it, which names it for good (the iCalendar RECURRENCE-ID)
 * @param start its start now, moved or not
 */
public record Occurrence(
        Instant recurrenceId,
        Instant start,
        Instant end,
        boolean cancelled,
        @Nullable String cancellationReason) {

    public boolean moved() {
        return !recurrenceId.equals(start);
    }
}
