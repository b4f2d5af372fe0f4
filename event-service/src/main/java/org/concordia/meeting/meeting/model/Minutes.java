package org.concordia.meeting.meeting.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The minutes of a meeting, or of one occurrence of a series.
 *
 * @param occurrence the recurrence id of the occurrence (the meeting's start for a single meeting)
 * @param revision 1 when published, one more with each correction
 */
public record Minutes(
        Instant occurrence,
        int revision,
        String summary,
        List<String> decisions,
        List<ActionPoint> actionItems,
        @Nullable String changeNote,
        Instant publishedAt) {

    public Minutes {
        decisions = List.copyOf(decisions);
        actionItems = List.copyOf(actionItems);
    }
}
