package org.concordia.meeting.meeting;

import java.time.Clock;
import java.time.Instant;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.Timing;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A coordinator moves a meeting (a whole series re-planned from its new first start) or one occurrence of a series.
 * Registrations are kept; the SEQUENCE goes up; the events carry the old and the new times.
 */
@Service
public class Rescheduling {

    private final MeetingChanges changes;
    private final Conflicts conflicts;
    private final Clock clock;

    Rescheduling(MeetingChanges changes, Conflicts conflicts, Clock clock) {
        this.changes = changes;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    public Scheduled reschedule(
            String id, @Nullable Long expectedVersion, Instant start, Instant end, @Nullable String timeZone) {
        Meeting meeting = changes.change(id, expectedVersion, m -> {
            m.reschedule(new Timing(start, end, timeZone == null ? m.timing().timeZone() : timeZone), clock.instant());
            return true;
        });
        return new Scheduled(meeting, conflicts.of(meeting));
    }

    /** Lists the conflicts at the occurrence's new time, as scheduling does for the whole meeting. */
    public Scheduled moveOccurrence(
            String id, @Nullable Long expectedVersion, Instant recurrenceId, Instant start, Instant end) {
        Meeting meeting = changes.change(id, expectedVersion, m -> {
            m.moveOccurrence(recurrenceId, new Timing(start, end, m.timing().timeZone()), clock.instant());
            return true;
        });
        return new Scheduled(meeting, conflicts.of(meeting, start, end));
    }
}
