package org.concordia.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The planned reminders. */
public interface Slots {

    /** Makes {@code planned} the meeting's pending slots: new ones are added, ones no longer planned dropped. */
    void plan(String meetingId, List<Slot> planned);

    /** Claims one due slot for {@code lease}, atomically. */
    Optional<Slot> claim(Instant now, Duration lease, String owner);

    /** The slot was sent (or had nothing to send): it leaves the plan. */
    void done(Slot slot);

    List<Slot> pending(String meetingId);

    /** How many slots are due at {@code now} and not sent yet (a gauge for operators). */
    long countDue(Instant now);
}
