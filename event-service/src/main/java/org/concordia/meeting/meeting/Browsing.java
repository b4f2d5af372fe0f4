package org.concordia.meeting.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.MeetingStatus;
import org.concordia.meeting.meeting.model.Meetings;
import org.concordia.meeting.meeting.model.Occurrence;
import org.concordia.platform.application.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** Anyone looks up a meeting or lists meetings by organization, status and start. */
@Service
public class Browsing {

    private final Meetings meetings;
    private final MeetingChanges changes;
    private final Clock clock;

    Browsing(Meetings meetings, MeetingChanges changes, Clock clock) {
        this.meetings = meetings;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * The agenda of an occurrence: without one, of the next occurrence of a series still to come, or of the meeting.
     */
    public Agenda agenda(String id, @Nullable Instant occurrence) {
        Meeting meeting = get(id);
        Instant at = occurrence != null
                ? occurrence
                : meeting.series()
                        .flatMap(s -> s.nextAfter(clock.instant()))
                        .map(Occurrence::recurrenceId)
                        .orElse(meeting.timing().start());
        return new Agenda(meeting, at, meeting.agendaOf(at));
    }

    public record Agenda(Meeting meeting, Instant occurrence, List<Meeting.CarriedAgenda> items) {}

    public Meeting get(String id) {
        return changes.get(id);
    }

    public Page<Meeting> list(
            @Nullable String organizationId,
            @Nullable MeetingStatus status,
            @Nullable Instant from,
            int page,
            int size) {
        return Paging.page(
                page,
                size,
                meetings.count(organizationId, status, from),
                (offset, limit) -> meetings.find(organizationId, status, from, offset, limit));
    }
}
