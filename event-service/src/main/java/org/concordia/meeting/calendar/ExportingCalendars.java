package org.concordia.meeting.calendar;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concordia.meeting.calendar.CalendarFile.Participant;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.directory.KnownPerson;
import org.concordia.meeting.meeting.Invitations;
import org.concordia.meeting.meeting.model.Invited;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.Occurrence;
import org.concordia.meeting.registration.model.Registration;
import org.concordia.meeting.registration.model.RegistrationStatus;
import org.concordia.meeting.registration.model.Registrations;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.springframework.stereotype.Service;

/**
 * A meeting as an iCalendar file, with its participants for those who take part; a person subscribes to the feed of their meetings with a token
 * they can renew, which invalidates the previous one.
 */
@Service
public class ExportingCalendars {

    /** Attendees listed in one meeting's file: the individually invited and this many registrations, by ticket. */
    static final int MAX_LISTED_REGISTRATIONS = 200;

    static final int MAX_FEED_MEETINGS = 200;

    /** A person's answers read for the feed (a series answered as a whole counts once per occurrence). */
    static final int MAX_FEED_REGISTRATIONS = 2_000;

    private final SecureRandom random = new SecureRandom();
    private final Invitations invitations;
    private final Registrations registrations;
    private final Directory directory;
    private final FeedTokens tokens;
    private final Clock clock;

    ExportingCalendars(
            Invitations invitations, Registrations registrations, Directory directory, FeedTokens tokens, Clock clock) {
        this.invitations = invitations;
        this.registrations = registrations;
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * The meeting's file; with {@code withParticipants}, its organizer and attendees with their e-mail addresses and
     * the online link, else only its public details.
     */
    public String meeting(Meeting meeting, boolean withParticipants) {
        if (!withParticipants) {
            return new CalendarFile(clock.instant(), null).addPublic(meeting).text();
        }
        String meetingId = meeting.id();
        Map<String, Participant> participants = new LinkedHashMap<>();
        for (Invited invited : meeting.invited()) {
            participants.put(invited.personId(), new Participant(invited.email(), invited.fullName(), "NEEDS-ACTION"));
        }
        List<Registration> answered =
                firstPerPerson(registrations.ofMeeting(meetingId, null, null, 0, MAX_LISTED_REGISTRATIONS));
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

    /**
     * Every meeting the person is invited to, through any target, or organizes, with their own participation status:
     * NEEDS-ACTION until they answer. For a series, the answer for its next occurrence (else its latest answered).
     */
    public String feed(String token) {
        if (token.length() > 100) {
            throw new RuleViolationException("not a calendar token", "token");
        }
        String personId = tokens.personOf(token).orElseThrow(() -> new NotFoundException("Calendar", "token"));
        KnownPerson person = directory.person(personId).orElseThrow(() -> new NotFoundException("Person", personId));
        List<Meeting> invited = invitations.inviting(personId, MAX_FEED_MEETINGS);
        Map<String, List<Registration>> answers = new HashMap<>();
        registrations
                .ofPerson(personId, MAX_FEED_REGISTRATIONS)
                .forEach(r -> answers.computeIfAbsent(r.meetingId(), k -> new ArrayList<>())
                        .add(r));
        Instant now = clock.instant();
        CalendarFile file = new CalendarFile(now, person.fullName());
        for (Meeting meeting : invited) {
            String partStat = answerOf(meeting, answers.getOrDefault(meeting.id(), List.of()), now)
                    .map(r -> partStat(r.status()))
                    .orElse("NEEDS-ACTION");
            file.add(meeting, List.of(new Participant(person.email(), person.fullName(), partStat)));
        }
        return file.text();
    }

    private static Optional<Registration> answerOf(Meeting meeting, List<Registration> answers, Instant now) {
        if (answers.isEmpty() || meeting.series().isEmpty()) {
            return answers.stream().findFirst();
        }
        List<Occurrence> occurrences = meeting.series().get().occurrences();
        Comparator<Registration> byOccurrence = Comparator.comparing(r -> r.occurrence() == null ? -1 : r.occurrence());
        return answers.stream()
                .filter(r -> r.occurrence() != null
                        && r.occurrence() < occurrences.size()
                        && now.isBefore(occurrences.get(r.occurrence()).end()))
                .min(byOccurrence)
                .or(() -> answers.stream().max(byOccurrence));
    }

    /** One line per person: their answer for the first occasion listed. */
    private static List<Registration> firstPerPerson(List<Registration> registrations) {
        Map<String, Registration> first = new LinkedHashMap<>();
        registrations.forEach(r -> first.putIfAbsent(r.personId(), r));
        return List.copyOf(first.values());
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
