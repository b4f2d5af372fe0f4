package org.concordia.meeting.calendar;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concordia.meeting.calendar.CalendarFile.Participant;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.directory.KnownPerson;
import org.concordia.meeting.meeting.MeetingChanges;
import org.concordia.meeting.meeting.model.Invited;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.Meetings;
import org.concordia.meeting.registration.model.Registration;
import org.concordia.meeting.registration.model.RegistrationStatus;
import org.concordia.meeting.registration.model.Registrations;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.springframework.stereotype.Service;

/**
 * Anyone downloads a meeting as an iCalendar file; a person subscribes to the feed of their meetings with a token
 * they can renew, which invalidates the previous one.
 */
@Service
public class ExportingCalendars {

    /** Attendees listed in one meeting's file: the individually invited and this many registrations, by ticket. */
    static final int MAX_LISTED_REGISTRATIONS = 200;

    static final int MAX_FEED_MEETINGS = 200;

    private final SecureRandom random = new SecureRandom();
    private final MeetingChanges changes;
    private final Meetings meetings;
    private final Registrations registrations;
    private final Directory directory;
    private final FeedTokens tokens;
    private final Clock clock;

    ExportingCalendars(
            MeetingChanges changes,
            Meetings meetings,
            Registrations registrations,
            Directory directory,
            FeedTokens tokens,
            Clock clock) {
        this.changes = changes;
        this.meetings = meetings;
        this.registrations = registrations;
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
    }

    public String meeting(String meetingId) {
        Meeting meeting = changes.get(meetingId);
        Map<String, Participant> participants = new LinkedHashMap<>();
        for (Invited invited : meeting.invited()) {
            participants.put(invited.personId(), new Participant(invited.email(), invited.fullName(), "NEEDS-ACTION"));
        }
        List<Registration> answered = registrations.ofMeeting(meetingId, null, 0, MAX_LISTED_REGISTRATIONS);
        List<String> unknown = new ArrayList<>();
        for (Registration r : answered) {
            if (!participants.containsKey(r.personId())) {
                unknown.add(r.personId());
            }
        }
        Map<String, KnownPerson> people = new HashMap<>(directory.people(unknown));
        for (Registration r : answered) {
            Participant known = participants.get(r.personId());
            KnownPerson person = people.get(r.personId());
            if (known != null) {
                participants.put(r.personId(), new Participant(known.email(), known.fullName(), partStat(r.status())));
            } else if (person != null) {
                participants.put(
                        r.personId(), new Participant(person.email(), person.fullName(), partStat(r.status())));
            }
        }
        return new CalendarFile(clock.instant(), null)
                .add(meeting, List.copyOf(participants.values()))
                .text();
    }

    /** A new feed token for the person; the previous one stops working. */
    public String renewToken(String personId) {
        if (directory.person(personId).isEmpty()) {
            throw new NotFoundException("Person", personId);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.replace(personId, token);
        return token;
    }

    /** The person's meetings they answered (declined ones left out), with their own participation status. */
    public String feed(String token) {
        if (token.length() > 100) {
            throw new RuleViolationException("not a calendar token", "token");
        }
        String personId = tokens.personOf(token).orElseThrow(() -> new NotFoundException("Calendar", "token"));
        KnownPerson person = directory.person(personId).orElseThrow(() -> new NotFoundException("Person", personId));
        List<Registration> mine = registrations.ofPerson(personId, MAX_FEED_MEETINGS);
        Map<String, RegistrationStatus> status = new HashMap<>();
        mine.forEach(r -> status.put(r.meetingId(), r.status()));
        CalendarFile file = new CalendarFile(clock.instant(), person.fullName());
        for (Meeting meeting : meetings.byIds(status.keySet())) {
            file.add(
                    meeting,
                    List.of(new Participant(person.email(), person.fullName(), partStat(status.get(meeting.id())))));
        }
        return file.text();
    }

    private static String partStat(RegistrationStatus status) {
        return switch (status) {
            case CONFIRMED -> "ACCEPTED";
            case DECLINED -> "DECLINED";
            case TENTATIVE -> "TENTATIVE";
            case WAITLISTED -> "NEEDS-ACTION";
        };
    }
}
