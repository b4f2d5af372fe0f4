package org.concordia.meeting.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.MeetingStatus;
import org.concordia.meeting.meeting.model.Occurrence;
import org.concordia.meeting.meeting.model.Series;
import org.jspecify.annotations.Nullable;

/**
 * Writes meetings as RFC 5545 with ical4j: DTSTART/DTEND in the planned zone with its VTIMEZONE, UID = meeting id,
 * SEQUENCE, ORGANIZER, ATTENDEEs with PARTSTAT, LOCATION and URL; a series as RRULE with EXDATE for cancelled
 * occurrences and one RECURRENCE-ID component per moved one; STATUS:CANCELLED once cancelled.
 */
final class CalendarFile {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    /** One ATTENDEE line: an e-mail address, a name and RFC 5545's participation status. */
    record Participant(String email, String fullName, String partStat) {}

    private final Calendar calendar = new Calendar();
    private final Map<String, Boolean> zones = new LinkedHashMap<>();
    private final Instant stamp;

    CalendarFile(Instant stamp, @Nullable String name) {
        this.stamp = stamp;
        calendar.add(new ProdId("-//Concordia//event-service//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        if (name != null) {
            calendar.add(new XProperty("X-WR-CALNAME", name));
        }
    }

    CalendarFile add(Meeting meeting, List<Participant> participants) {
        return add(meeting, participants, true);
    }

    /** The public details only: no ORGANIZER or ATTENDEE e-mail addresses, no online link. */
    CalendarFile addPublic(Meeting meeting) {
        return add(meeting, List.of(), false);
    }

    private CalendarFile add(Meeting meeting, List<Participant> participants, boolean withContacts) {
        ZoneId zone = meeting.timing().zone();
        zone(meeting.timing().timeZone());
        VEvent event = event(
                meeting,
                local(meeting.timing().start(), zone),
                local(meeting.timing().end(), zone),
                withContacts);
        participants.forEach(p -> event.add(attendee(p)));
        if (meeting.series().isPresent()) {
            Series series = meeting.series().get();
            event.add(new RRule<ZonedDateTime>(series.rrule()));
            for (Occurrence occurrence : series.occurrences()) {
                if (occurrence.cancelled()) {
                    event.add(new ExDate<ZonedDateTime>(
                            new ParameterList(List.of(new TzId(zone.getId()))),
                            LOCAL.format(local(occurrence.recurrenceId(), zone))));
                }
            }
        }
        calendar.add(event);
        meeting.series().ifPresent(series -> {
            for (Occurrence occurrence : series.occurrences()) {
                if (occurrence.moved() && !occurrence.cancelled()) {
                    VEvent moved = event(
                            meeting, local(occurrence.start(), zone), local(occurrence.end(), zone), withContacts);
                    moved.add(new RecurrenceId<>(local(occurrence.recurrenceId(), zone)));
                    participants.forEach(p -> moved.add(attendee(p)));
                    calendar.add(moved);
                }
            }
        });
        return this;
    }

    private VEvent event(Meeting meeting, ZonedDateTime start, ZonedDateTime end, boolean withContacts) {
        var d = meeting.details();
        VEvent event = new VEvent(start, end, d.title());
        event.replace(new DtStamp(stamp));
        event.add(new Uid(meeting.id()));
        event.add(new Sequence(meeting.sequence()));
        event.add(new LastModified(stamp));
        if (d.description() != null) {
            event.add(new Description(d.description()));
        }
        if (withContacts) {
            Organizer organizer = new Organizer(mailto(meeting.organizer().email()));
            organizer.add(new Cn(meeting.organizer().fullName()));
            event.add(organizer);
        }
        if (d.venue() != null) {
            event.add(new Location(d.venue().line()));
        } else if (d.onlineLink() != null && withContacts) {
            event.add(new Location(d.onlineLink()));
        }
        if (d.onlineLink() != null && withContacts) {
            event.add(new Url(URI.create(d.onlineLink())));
        }
        event.add(
                meeting.status() == MeetingStatus.CANCELLED
                        ? ImmutableStatus.VEVENT_CANCELLED
                        : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    private static Attendee attendee(Participant participant) {
        Attendee attendee = new Attendee(mailto(participant.email()));
        attendee.add(new Cn(participant.fullName()));
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(new PartStat(participant.partStat()));
        attendee.add(Rsvp.TRUE);
        return attendee;
    }

    private void zone(String id) {
        if (zones.putIfAbsent(id, true) == null) {
            var zone = ZONES.getTimeZone(id);
            if (zone != null) {
                calendar.add(zone.getVTimeZone());
            }
        }
    }

    private static ZonedDateTime local(Instant instant, ZoneId zone) {
        return instant.atZone(zone);
    }

    private static URI mailto(String email) {
        return URI.create("mailto:" + email.replace(" ", "%20"));
    }

    String text() {
        return calendar.toString();
    }
}
