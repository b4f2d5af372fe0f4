package org.concordia.meeting.meeting;

import java.util.List;
import org.concordia.meeting.meeting.model.MeetingDetails;
import org.concordia.meeting.meeting.model.Target;
import org.concordia.meeting.meeting.model.Timing;
import org.jspecify.annotations.Nullable;

/** What a coordinator asks for when scheduling a meeting or a series. */
public record ScheduleMeeting(
        String id,
        String organizerId,
        String organizationId,
        @Nullable String projectId,
        @Nullable String milestoneId,
        MeetingDetails details,
        Timing timing,
        @Nullable String rrule,
        List<Target> targets) {}
