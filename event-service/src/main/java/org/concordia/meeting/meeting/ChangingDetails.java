package org.concordia.meeting.meeting;

import java.time.Clock;
import java.util.function.UnaryOperator;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.MeetingDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** A coordinator changes what a meeting is about or where it takes place; an unchanged request publishes nothing. */
@Service
public class ChangingDetails {

    private final MeetingChanges changes;
    private final Clock clock;

    ChangingDetails(MeetingChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public Meeting change(String id, @Nullable Long expectedVersion, UnaryOperator<MeetingDetails> change) {
        return changes.change(id, expectedVersion, m -> m.changeDetails(change.apply(m.details()), clock.instant()));
    }
}
