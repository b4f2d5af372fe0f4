package org.concordia.meeting.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.directory.KnownPerson;
import org.concordia.meeting.meeting.FreedSeats;
import org.concordia.meeting.meeting.Invitations;
import org.concordia.meeting.meeting.MeetingChanges;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.MeetingDetails;
import org.concordia.meeting.meeting.model.MeetingStatus;
import org.concordia.meeting.meeting.model.Occurrence;
import org.concordia.meeting.meeting.model.Series;
import org.concordia.meeting.registration.model.Attendee;
import org.concordia.meeting.registration.model.Occasion;
import org.concordia.meeting.registration.model.Registration;
import org.concordia.meeting.registration.model.RegistrationStatus;
import org.concordia.meeting.registration.model.Registrations;
import org.concordia.meeting.registration.model.Seats;
import org.concordia.platform.domain.ConflictException;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * An invitee accepts, declines or answers tentatively, and may change their answer until the registration deadline:
 * for a meeting, for one occurrence of a series, or for every occurrence of a series still to come (each occurrence
 * has its own seats and waitlist). Each answer costs a bounded number of store operations whatever the meeting's
 * size: the meeting, the person and their memberships by key, their registrations by {@code _id}, and per occasion
 * atomic seat counters and one write. A freed seat goes to the first waitlisted (by ticket) who fits the delegation
 * limit.
 */
@Service
public class Registering implements FreedSeats {

    /** How many waitlisted are looked at to find one who fits a freed seat. */
    private static final int PROMOTION_CANDIDATES = 20;

    private final MeetingChanges meetings;
    private final Invitations invitations;
    private final Directory directory;
    private final Registrations registrations;
    private final Seats seats;
    private final Clock clock;

    Registering(
            MeetingChanges meetings,
            Invitations invitations,
            Directory directory,
            Registrations registrations,
            Seats seats,
            Clock clock) {
        this.meetings = meetings;
        this.invitations = invitations;
        this.directory = directory;
        this.registrations = registrations;
        this.seats = seats;
        this.clock = clock;
    }

    /**
     * @param occurrence for a series, the occurrence answered (its recurrence id); absent, the answer is for every
     *     occurrence still to come, each with its own seats and waitlist
     * @return the registrations the answer made or changed, one per occasion, in the series' order
     */
    public List<Registration> accept(String meetingId, String personId, @Nullable Instant occurrence) {
        Answer answer = prepare(meetingId, personId, occurrence);
        List<Registration> answered = new ArrayList<>();
        for (Occasion occasion : answer.occasions()) {
            answered.add(acceptOne(answer, occasion, answer.existing().get(occasion.key())));
        }
        return answered;
    }

    public List<Registration> decline(String meetingId, String personId, @Nullable Instant occurrence) {
        return giveUp(meetingId, personId, occurrence, RegistrationStatus.DECLINED);
    }

    public List<Registration> tentative(String meetingId, String personId, @Nullable Instant occurrence) {
        return giveUp(meetingId, personId, occurrence, RegistrationStatus.TENTATIVE);
    }

    private Registration acceptOne(Answer answer, Occasion occasion, @Nullable Registration known) {
        Optional<Registration> existing = Optional.ofNullable(known);
        if (existing.isPresent()
                && (existing.get().status() == RegistrationStatus.CONFIRMED
                        || existing.get().status() == RegistrationStatus.WAITLISTED)) {
            return existing.get();
        }
        Registration registration = existing.orElseGet(() ->
                Registration.first(occasion, answer.attendee().personId(), answer.organizationId(), answer.now()));
        MeetingDetails details = answer.meeting().details();
        long ticket = seats.claim(
                occasion.key(), registration.organizationId(), details.capacity(), details.seatsPerOrganization());
        if (ticket > 0) {
            registration.confirm(occasion, answer.attendee(), ticket, answer.now());
        } else {
            long position = registrations.waitlistedBefore(occasion.key(), -ticket) + 1;
            registration.waitlist(occasion, -ticket, (int) position, answer.now());
        }
        try {
            return existing.isPresent() ? registrations.update(registration) : registrations.add(registration);
        } catch (DuplicateKeyException | OptimisticLockingFailureException raced) {
            if (ticket > 0) {
                seats.release(occasion.key(), registration.organizationId(), details.seatsPerOrganization());
            }
            throw new ConflictException("Another answer of this person to this meeting came in at the same time;"
                    + " fetch the registration and answer again if needed");
        }
    }

    private List<Registration> giveUp(
            String meetingId, String personId, @Nullable Instant occurrence, RegistrationStatus answerGiven) {
        Answer answer = prepare(meetingId, personId, occurrence);
        List<Registration> answered = new ArrayList<>();
        for (Occasion occasion : answer.occasions()) {
            answered.add(giveUpOne(answer, occasion, answer.existing().get(occasion.key()), answerGiven));
        }
        return answered;
    }

    private Registration giveUpOne(
            Answer answer, Occasion occasion, @Nullable Registration known, RegistrationStatus answerGiven) {
        Optional<Registration> existing = Optional.ofNullable(known);
        if (existing.isPresent() && existing.get().status() == answerGiven) {
            return existing.get();
        }
        Registration registration = existing.orElseGet(() ->
                Registration.first(occasion, answer.attendee().personId(), answer.organizationId(), answer.now()));
        RegistrationStatus previous = answerGiven == RegistrationStatus.DECLINED
                ? registration.decline(occasion, existing.isPresent(), answer.now())
                : registration.tentative(occasion, answer.now());
        Registration stored;
        try {
            stored = existing.isPresent() ? registrations.update(registration) : registrations.add(registration);
        } catch (DuplicateKeyException | OptimisticLockingFailureException raced) {
            throw new ConflictException("Another answer of this person to this meeting came in at the same time;"
                    + " fetch the registration and answer again if needed");
        }
        if (existing.isPresent() && previous.holdsSeat()) {
            MeetingDetails details = answer.meeting().details();
            seats.release(occasion.key(), registration.organizationId(), details.seatsPerOrganization());
            promote(answer.meeting(), occasion);
        }
        return stored;
    }

    /**
     * After the capacity or the seats per organization went up: every occasion with a waitlist gives the seats that
     * are now free to its waitlisted, in ticket order, to each who fits the delegation limit. One look-up finds the
     * occasions with a waitlist; then a bounded number of operations per promotion.
     */
    @Override
    public void offer(Meeting meeting) {
        offerFreedSeats(meeting);
    }

    public int offerFreedSeats(Meeting meeting) {
        if (meeting.status() != MeetingStatus.SCHEDULED) {
            return 0;
        }
        Set<String> waiting = registrations.waitlistedOccasions(meeting.id());
        int promoted = 0;
        for (Occasion occasion : upcoming(meeting, clock.instant())) {
            if (!waiting.contains(occasion.key())) {
                continue;
            }
            while (promote(meeting, occasion)) {
                promoted++;
            }
        }
        return promoted;
    }

    /**
     * Gives a freed seat to the first waitlisted who fits; looks at a bounded number of them.
     *
     * @return whether someone got the seat
     */
    private boolean promote(Meeting meeting, Occasion occasion) {
        MeetingDetails details = meeting.details();
        for (Registration candidate : registrations.waitlisted(occasion.key(), PROMOTION_CANDIDATES)) {
            if (!seats.claimWithoutTicket(
                    occasion.key(), candidate.organizationId(), details.capacity(), details.seatsPerOrganization())) {
                if (details.capacity() != null && seats.confirmed(occasion.key()) >= details.capacity()) {
                    return false;
                }
                continue;
            }
            Optional<KnownPerson> person = directory.person(candidate.personId());
            try {
                candidate.promote(occasion, attendee(candidate.personId(), person), clock.instant());
                registrations.update(candidate);
                return true;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                seats.release(occasion.key(), candidate.organizationId(), details.seatsPerOrganization());
            }
        }
        return false;
    }

    /** @param occurrence only this occurrence's registrations (its recurrence id), else all of the meeting's */
    public List<Registration> ofMeeting(
            String meetingId,
            @Nullable Instant occurrence,
            @Nullable RegistrationStatus status,
            int offset,
            int limit) {
        Integer number = occurrenceNumber(meetings.get(meetingId), occurrence);
        return registrations.ofMeeting(meetingId, number, status, offset, limit);
    }

    public long countOfMeeting(String meetingId, @Nullable Instant occurrence, @Nullable RegistrationStatus status) {
        Integer number = occurrenceNumber(meetings.get(meetingId), occurrence);
        return registrations.countOfMeeting(meetingId, number, status);
    }

    public long positionOf(Registration registration) {
        return registrations.waitlistedBefore(registration.occasionKey(), registration.ticket()) + 1;
    }

    /** @param occurrence for a series, which occurrence; the first still to come when absent */
    public Registration get(String meetingId, String personId, @Nullable Instant occurrence) {
        Meeting meeting = meetings.get(meetingId);
        Integer number = occurrenceNumber(meeting, occurrence);
        if (number == null && meeting.series().isPresent()) {
            number = upcoming(meeting, clock.instant()).stream()
                    .map(Occasion::occurrence)
                    .findFirst()
                    .orElse(0);
        }
        String id = Registration.idOf(meetingId, number, personId);
        return registrations.byId(id).orElseThrow(() -> new NotFoundException("Registration", id));
    }

    private static @Nullable Integer occurrenceNumber(Meeting meeting, @Nullable Instant occurrence) {
        if (occurrence == null) {
            return null;
        }
        Series series = meeting.series()
                .orElseThrow(() -> new RuleViolationException("a single meeting has no occurrences", "occurrence"));
        if (series.occurrence(occurrence).isEmpty()) {
            throw new RuleViolationException(
                    occurrence + " is not an occurrence of this series (give its recurrence id)", "occurrence");
        }
        return series.indexOf(occurrence);
    }

    private Answer prepare(String meetingId, String personId, @Nullable Instant occurrence) {
        Meeting meeting = meetings.get(meetingId);
        Instant now = clock.instant();
        if (!meeting.registrationOpen(now)) {
            throw new RuleViolationException(
                    "Registration for this meeting is closed (deadline passed, meeting over or no longer scheduled)",
                    "meetingId");
        }
        KnownPerson person = directory
                .person(personId)
                .orElseThrow(() -> new RuleViolationException("Person " + personId + " is not known", "personId"));
        Invitations.Invitation invitation = invitations
                .of(meeting, personId)
                .orElseThrow(() ->
                        new RuleViolationException(person.fullName() + " is not invited to this meeting", "personId"));
        List<Occasion> occasions = occasions(meeting, occurrence, now);
        Map<String, Registration> existing = new HashMap<>();
        registrations
                .byIds(occasions.stream()
                        .map(o -> Registration.idOf(meetingId, o.occurrence(), personId))
                        .toList())
                .forEach(r -> existing.put(r.occasionKey(), r));
        return new Answer(
                meeting,
                occasions,
                existing,
                attendee(personId, Optional.of(person)),
                invitation.organizationId(),
                now);
    }

    /** The occasions an answer is for: the meeting, one occurrence, or every occurrence of a series still to come. */
    private static List<Occasion> occasions(Meeting meeting, @Nullable Instant occurrence, Instant now) {
        Integer number = occurrenceNumber(meeting, occurrence);
        if (number == null) {
            List<Occasion> all = upcoming(meeting, now);
            if (all.isEmpty()) {
                throw new RuleViolationException("no occurrence of this series is still to come", "occurrence");
            }
            return all;
        }
        Occurrence chosen = meeting.series().orElseThrow().occurrences().get(number);
        if (chosen.cancelled()) {
            throw new RuleViolationException("this occurrence is cancelled", "occurrence");
        }
        if (!now.isBefore(chosen.end())) {
            throw new RuleViolationException("this occurrence is over", "occurrence");
        }
        return List.of(occasion(meeting, number, chosen));
    }

    /** The meeting itself, or each occurrence of its series neither cancelled nor over. */
    private static List<Occasion> upcoming(Meeting meeting, Instant now) {
        if (meeting.series().isEmpty()) {
            return List.of(occasion(meeting, null, null));
        }
        List<Occurrence> occurrences = meeting.series().get().occurrences();
        List<Occasion> upcoming = new ArrayList<>();
        for (int n = 0; n < occurrences.size(); n++) {
            Occurrence o = occurrences.get(n);
            if (!o.cancelled() && now.isBefore(o.end())) {
                upcoming.add(occasion(meeting, n, o));
            }
        }
        return upcoming;
    }

    private static Attendee attendee(String personId, Optional<KnownPerson> person) {
        return person.map(p -> new Attendee(p.id(), p.fullName(), p.email(), p.preferredLanguage(), p.timeZone()))
                .orElse(new Attendee(personId, personId, "unknown@invalid", "en", "UTC"));
    }

    private static Occasion occasion(Meeting meeting, @Nullable Integer number, @Nullable Occurrence occurrence) {
        MeetingDetails d = meeting.details();
        return new Occasion(
                meeting.id(),
                d.title(),
                occurrence == null ? meeting.timing().start() : occurrence.start(),
                occurrence == null ? meeting.timing().end() : occurrence.end(),
                meeting.timing().timeZone(),
                d.format().code(),
                d.venue() == null ? null : d.venue().line(),
                d.onlineLink(),
                meeting.organizer().fullName(),
                meeting.organizer().email(),
                meeting.sequence(),
                number,
                occurrence == null ? null : occurrence.recurrenceId());
    }

    private record Answer(
            Meeting meeting,
            List<Occasion> occasions,
            Map<String, Registration> existing,
            Attendee attendee,
            @Nullable String organizationId,
            Instant now) {}
}
