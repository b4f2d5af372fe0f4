package org.concordia.meeting.meeting.persistence;

import java.time.Instant;
import java.util.List;
import org.concordia.meeting.meeting.model.AgendaPoint;
import org.concordia.meeting.meeting.model.Invited;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.MeetingDetails;
import org.concordia.meeting.meeting.model.MeetingFormat;
import org.concordia.meeting.meeting.model.MeetingStatus;
import org.concordia.meeting.meeting.model.Minutes;
import org.concordia.meeting.meeting.model.Occurrence;
import org.concordia.meeting.meeting.model.Organizer;
import org.concordia.meeting.meeting.model.Series;
import org.concordia.meeting.meeting.model.Target;
import org.concordia.meeting.meeting.model.Timing;
import org.concordia.meeting.meeting.model.Venue;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A meeting as stored: one document with its targets (never the people they stand for), occurrences and minutes. */
@Document(MeetingDocument.COLLECTION)
public class MeetingDocument {

    static final String COLLECTION = "meetings";

    @Id
    String id;

    @Version
    Long version;

    Organizer organizer;
    String organizationId;
    String projectId;
    String milestoneId;
    List<Target> targets;
    List<Invited> invited;
    Instant scheduledAt;
    String title;
    String description;
    String format;
    Venue venue;
    String onlineLink;
    List<AgendaPoint> agenda;
    Integer capacity;
    Integer seatsPerOrganization;
    Instant registrationDeadline;
    List<Integer> reminderMinutesBefore;
    Instant start;
    Instant end;
    String timeZone;
    String rrule;
    List<Occurrence> occurrences;
    /** When the meeting, or its series' last occurrence, ends: with {@code start}, what conflicts look for. */
    Instant lastEnd;

    String status;
    int sequence;
    String cancellationReason;
    List<Minutes> minutes;

    public MeetingDocument() {}

    static MeetingDocument of(Meeting meeting) {
        MeetingDocument d = new MeetingDocument();
        MeetingDetails details = meeting.details();
        d.id = meeting.id();
        d.version = meeting.version();
        d.organizer = meeting.organizer();
        d.organizationId = meeting.organizer().organizationId();
        d.projectId = meeting.projectId();
        d.milestoneId = meeting.milestoneId();
        d.targets = meeting.targets();
        d.invited = meeting.invited();
        d.scheduledAt = meeting.scheduledAt();
        d.title = details.title();
        d.description = details.description();
        d.format = details.format().name();
        d.venue = details.venue();
        d.onlineLink = details.onlineLink();
        d.agenda = details.agenda();
        d.capacity = details.capacity();
        d.seatsPerOrganization = details.seatsPerOrganization();
        d.registrationDeadline = details.registrationDeadline();
        d.reminderMinutesBefore = details.reminderMinutesBefore();
        d.start = meeting.timing().start();
        d.end = meeting.timing().end();
        d.timeZone = meeting.timing().timeZone();
        d.rrule = meeting.series().map(Series::rrule).orElse(null);
        d.occurrences = meeting.series().map(Series::occurrences).orElse(null);
        d.lastEnd = meeting.series()
                .flatMap(series ->
                        series.occurrences().stream().map(Occurrence::end).max(Instant::compareTo))
                .filter(last -> last.isAfter(meeting.timing().end()))
                .orElse(meeting.timing().end());
        d.status = meeting.status().name();
        d.sequence = meeting.sequence();
        d.cancellationReason = meeting.cancellationReason();
        d.minutes = meeting.minutes().isEmpty() ? null : meeting.minutes();
        return d;
    }

    Meeting toModel() {
        return Meeting.restore(
                id,
                version,
                organizer,
                projectId,
                milestoneId,
                targets == null ? List.of() : targets,
                invited == null ? List.of() : invited,
                scheduledAt,
                new MeetingDetails(
                        title,
                        description,
                        MeetingFormat.valueOf(format),
                        venue,
                        onlineLink,
                        agenda,
                        capacity,
                        seatsPerOrganization,
                        registrationDeadline,
                        reminderMinutesBefore),
                new Timing(start, end, timeZone),
                rrule == null ? null : Series.restore(rrule, occurrences == null ? List.of() : occurrences),
                MeetingStatus.valueOf(status),
                sequence,
                cancellationReason,
                minutes == null ? List.of() : minutes);
    }
}
