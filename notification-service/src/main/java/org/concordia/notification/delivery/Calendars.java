package org.concordia.notification.delivery;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.concordia.notification.notice.model.Invitation;

/**
 * The {@code .ics} of a meeting notification: METHOD REQUEST, or CANCEL when cancelled; UID the meeting id and
 * SEQUENCE the meeting's, as event-service writes them; times in the meeting's zone with its VTIMEZONE; a series
 * carries its RRULE (a change of one occurrence its RECURRENCE-ID instead), so a calendar holds every occurrence.
 */
final class Calendars {

    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    private Calendars() {}

    static String ics(Invitation invitation, String attendeeName, String attendeeEmail, Instant stamp) {
        ZoneId zone = ZoneId.of(invitation.timeZone());
        VTimeZone vtimezone = ZONES.getTimeZone(invitation.timeZone()).getVTimeZone();
        VEvent event =
                new VEvent(invitation.start().atZone(zone), invitation.end().atZone(zone), invitation.title());
        event.add(new Uid(invitation.meetingId()));
        event.add(new Sequence(invitation.sequence()));
        event.replace(new DtStamp(stamp));
        if (invitation.recurrenceId() != null) {
            event.add(new RecurrenceId<>(invitation.recurrenceId().atZone(zone)));
        } else if (invitation.rrule() != null) {
            event.add(new RRule<ZonedDateTime>(invitation.rrule()));
        }
        if (invitation.location() != null) {
            event.add(new Location(invitation.location()));
        }
        if (invitation.organizerEmail() != null) {
            Organizer organizer = new Organizer(URI.create("mailto:" + invitation.organizerEmail()));
            if (invitation.organizerName() != null) {
                organizer.add(new Cn(invitation.organizerName()));
            }
            event.add(organizer);
        }
        Attendee attendee = new Attendee(URI.create("mailto:" + attendeeEmail));
        attendee.add(new Cn(attendeeName));
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(invitation.cancelled() ? PartStat.DECLINED : PartStat.NEEDS_ACTION);
        event.add(attendee);
        if (invitation.cancelled()) {
            event.add(ImmutableStatus.VEVENT_CANCELLED);
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Concordia//Notifications//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(invitation.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(vtimezone);
        calendar.add(event);
        return calendar.toString();
    }
}
