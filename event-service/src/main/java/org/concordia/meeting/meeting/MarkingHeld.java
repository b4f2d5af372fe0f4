package org.concordia.meeting.meeting;

import java.time.Clock;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.MeetingStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** A coordinator records that a meeting took place, so that its minutes can follow. */
@Service
public class MarkingHeld {

    private final MeetingChanges changes;
    private final Clock clock;

    MarkingHeld(MeetingChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public Meeting markHeld(String id, @Nullable Long expectedVersion) {
        return changes.change(id, expectedVersion, m -> {
            if (m.status() == MeetingStatus.HELD) {
                return false;
            }
            m.markHeld(clock.instant());
            return true;
        });
    }
}
