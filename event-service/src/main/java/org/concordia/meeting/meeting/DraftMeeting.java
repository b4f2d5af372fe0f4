package org.concordia.meeting.meeting;

import java.util.List;
import org.concordia.meeting.meeting.model.Target;
import org.concordia.meeting.meeting.model.Timing;
import org.jspecify.annotations.Nullable;

/** What a coordinator is about to schedule, as far as conflicts go: who organizes, whom it invites, and when. */
public record DraftMeeting(
        String organizerId,
        String organizationId,
        @Nullable String projectId,
        Timing timing,
        @Nullable String rrule,
        List<Target> targets) {}
