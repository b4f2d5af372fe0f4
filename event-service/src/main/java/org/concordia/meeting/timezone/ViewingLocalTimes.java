package org.concordia.meeting.timezone;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.concordia.meeting.meeting.Invitations;
import org.concordia.meeting.meeting.MeetingChanges;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.Target;
import org.concordia.meeting.timezone.model.WorkingHours;
import org.concordia.meeting.timezone.model.ZoneTally;
import org.concordia.platform.domain.RuleViolationException;
import org.concordia.platform.domain.StandardCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A coordinator looks at a meeting's (or a draft's) time in every invitee's zone. The people behind the targets are
 * streamed in batches and tallied by zone, so memory and the answer stay small for a network of any size.
 */
@Service
public class ViewingLocalTimes {

    private final MeetingChanges meetings;
    private final Invitations invitations;

    ViewingLocalTimes(MeetingChanges meetings, Invitations invitations) {
        this.meetings = meetings;
        this.invitations = invitations;
    }

    /** @param occurrence for a series, which occurrence; its first when absent */
    public ZoneView ofMeeting(String meetingId, @Nullable Instant occurrence) {
        Meeting meeting = meetings.get(meetingId);
        Instant start = meeting.timing().start();
        Instant end = meeting.timing().end();
        if (occurrence != null && meeting.series().isPresent()) {
            var found = meeting.series().get().required(occurrence);
            start = found.start();
            end = found.end();
        }
        ZoneTally tally = tally(meeting.targets(), meeting.projectId());
        return view(start, end, tally);
    }

    public ZoneView ofDraft(Instant start, Instant end, List<Target> targets, @Nullable String projectId) {
        if (!end.isAfter(start)) {
            throw new RuleViolationException("end must be after start", "end");
        }
        return view(start, end, tally(targets, projectId));
    }

    ZoneTally tally(List<Target> targets, @Nullable String projectId) {
        ZoneTally tally = new ZoneTally();
        invitations.resolve(
                targets, projectId, batch -> batch.forEach(p -> tally.add(p.id(), p.fullName(), p.timeZone())));
        return tally;
    }

    private static ZoneView view(Instant start, Instant end, ZoneTally tally) {
        List<ZoneView.Zone> zones = new ArrayList<>();
        long flagged = 0;
        for (ZoneTally.Entry entry : tally.zones()) {
            String zone = StandardCodes.isTimeZone(entry.zone()) ? entry.zone() : "UTC";
            var local = WorkingHours.of(start, end, ZoneId.of(zone), ZoneCountries.weekendOf(zone));
            if (local.flagged()) {
                flagged += entry.count();
            }
            zones.add(new ZoneView.Zone(local, entry.count(), entry.named()));
        }
        return new ZoneView(start, end, tally.people(), flagged, zones);
    }
}
