package org.concordia.meeting.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.concordia.meeting.meeting.model.ActionPoint;
import org.concordia.meeting.meeting.model.Meeting;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The organizer publishes the minutes of a held meeting (or of a past occurrence of a series) once, corrects them in
 * revisions, and closes action items; open ones are carried into the agenda of the series' next occurrence.
 */
@Service
public class PublishingMinutes {

    private final MeetingChanges changes;
    private final Clock clock;

    PublishingMinutes(MeetingChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public Meeting publish(
            String id,
            @Nullable Long expectedVersion,
            @Nullable Instant occurrence,
            String summary,
            List<String> decisions,
            List<ActionPoint> actionItems) {
        return changes.change(id, expectedVersion, m -> {
            m.publishMinutes(occurrence, summary, decisions, actionItems, clock.instant());
            return true;
        });
    }

    public Meeting correct(
            String id,
            @Nullable Long expectedVersion,
            @Nullable Instant occurrence,
            String summary,
            List<String> decisions,
            List<ActionPoint> actionItems,
            @Nullable String changeNote) {
        return changes.change(id, expectedVersion, m -> {
            m.correctMinutes(occurrence, summary, decisions, actionItems, changeNote, clock.instant());
            return true;
        });
    }

    public Meeting closeActionItem(String id, @Nullable Long expectedVersion, String actionItemId) {
        return changes.change(id, expectedVersion, m -> {
            m.closeActionItem(actionItemId);
            return true;
        });
    }
}
