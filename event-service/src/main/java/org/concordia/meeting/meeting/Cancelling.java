package org.concordia.meeting.meeting;

import java.time.Clock;
import java.time.Instant;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.MeetingStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** A coordinator calls off a meeting (a whole series) or one occurrence of a series, with a reason. */
@Service
public class Cancelling {

    private final MeetingChanges changes;
    private final Clock clock;

    Cancelling(MeetingChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /** Cancelling a cancelled meeting again changes nothing. */
    public Meeting cancel(String id, @Nullable Long expectedVersion, @Nullable String reason) {
        return changes.change(id, expectedVersion, m -> {
            if (m.status() == MeetingStatus.CANCELLED) {
                return false;
            }
            m.cancel(reason, clock.instant());
            return true;
        });
    }

    public Meeting cancelOccurrence(
            String id, @Nullable Long expectedVersion, Instant recurrenceId, @Nullable String reason) {
        return changes.change(id, expectedVersion, m -> {
            int before = m.sequence();
            m.cancelOccurrence(recurrenceId, reason, clock.instant());
            return m.sequence() != before;
        });
    }
}
