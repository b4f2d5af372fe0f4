package org.concordia.meeting.meeting;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.MeetingDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** A coordinator changes what a meeting is about or where it takes place; an unchanged request publishes nothing. */
@Service
public class ChangingDetails {

    private final MeetingChanges changes;
    private final ObjectProvider<FreedSeats> freedSeats;
    private final Clock clock;

    ChangingDetails(MeetingChanges changes, ObjectProvider<FreedSeats> freedSeats, Clock clock) {
        this.changes = changes;
        this.freedSeats = freedSeats;
        this.clock = clock;
    }

    /**
     * Raising the capacity or the seats per organization (or lifting either) gives the new seats to the waitlisted
     * right away, in their order, once the change is stored.
     */
    public Meeting change(String id, @Nullable Long expectedVersion, UnaryOperator<MeetingDetails> change) {
        AtomicReference<@Nullable MeetingDetails> before = new AtomicReference<>();
        Meeting changed = changes.change(id, expectedVersion, m -> {
            before.set(m.details());
            return m.changeDetails(change.apply(m.details()), clock.instant());
        });
        MeetingDetails previous = before.get();
        if (previous != null && moreSeats(previous, changed.details())) {
            freedSeats.forEach(seats -> seats.offer(changed));
        }
        return changed;
    }

    private static boolean moreSeats(MeetingDetails before, MeetingDetails after) {
        return raised(before.capacity(), after.capacity())
                || raised(before.seatsPerOrganization(), after.seatsPerOrganization());
    }

    private static boolean raised(@Nullable Integer before, @Nullable Integer after) {
        return before != null && (after == null || after > before);
    }
}
