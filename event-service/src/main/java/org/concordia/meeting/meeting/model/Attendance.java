package org.concordia.meeting.meeting.model;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Who has accepted which meetings: the registrations, as far as meetings need them. */
public interface Attendance {

    /**
     * The confirmed seats at the given meetings, at most {@code limit} of them; one store operation.
     */
    List<Seat> confirmedAt(Collection<String> meetingIds, int limit);

    /**
     * A person's confirmed seat at a meeting, or at one occurrence of a series.
     *
     * @param occurrence the occurrence's number in its series; absent for a single meeting
     */
    record Seat(String personId, String meetingId, @Nullable Integer occurrence) {}
}
