package org.concordia.meeting.meeting;

import java.util.function.Predicate;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.Meetings;
import org.concordia.platform.domain.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Reads a meeting, applies a change and stores it if nobody changed it meanwhile. With an expected version (an
 * If-Match) a stale read is refused; without one the change is retried on the current state a few times.
 */
@Component
public class MeetingChanges {

    private static final int ATTEMPTS = 5;

    private final Meetings meetings;

    MeetingChanges(Meetings meetings) {
        this.meetings = meetings;
    }

    public Meeting get(String id) {
        return meetings.byId(id).orElseThrow(() -> new NotFoundException("Meeting", id));
    }

    /** @param mutation changes the meeting; returns false when there was nothing to change */
    public Meeting change(String id, @Nullable Long expectedVersion, Predicate<Meeting> mutation) {
        int attempts = expectedVersion == null ? ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            Meeting meeting = get(id);
            if (expectedVersion != null && !expectedVersion.equals(meeting.version())) {
                throw new OptimisticLockingFailureException(
                        "Meeting " + id + " is at version " + meeting.version() + ", not " + expectedVersion);
            }
            if (!mutation.test(meeting)) {
                return meeting;
            }
            try {
                return meetings.update(meeting);
            } catch (OptimisticLockingFailureException raced) {
                if (attempt >= attempts) {
                    throw raced;
                }
            }
        }
    }
}
