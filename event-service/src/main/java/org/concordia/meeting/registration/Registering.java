package org.concordia.meeting.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.directory.KnownPerson;
import org.concordia.meeting.meeting.Invitations;
import org.concordia.meeting.meeting.MeetingChanges;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.MeetingDetails;
import org.concordia.meeting.registration.model.Attendee;
import org.concordia.meeting.registration.model.Occasion;
import org.concordia.meeting.registration.model.Registration;
import org.concordia.meeting.registration.model.RegistrationStatus;
import org.concordia.meeting.registration.model.Registrations;
import org.concordia.meeting.registration.model.Seats;
import org.concordia.platform.domain.ConflictException;
import org.concordia.platform.domain.RuleViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * An invitee accepts, declines or answers tentatively, and may change their answer until the registration deadline.
 * Each answer costs a bounded number of store operations whatever the meeting's size: the meeting, the person and
 * their memberships by key, their registration by {@code <meetingId>:<personId>}, and atomic seat counters. A freed
 * seat goes to the first waitlisted (by ticket) who fits the delegation limit.
 */
@Service
public class Registering {

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

    public Registration accept(String meetingId, String personId) {
        Answer answer = prepare(meetingId, personId);
        Optional<Registration> existing = registrations.byId(Registration.idOf(meetingId, personId));
        if (existing.isPresent()
                && (existing.get().status() == RegistrationStatus.CONFIRMED
                        || existing.get().status() == RegistrationStatus.WAITLISTED)) {
            return existing.get();
        }
        Registration registration = existing.orElseGet(
                () -> Registration.first(meetingId, personId, answer.organizationId(), answer.now()));
        MeetingDetails details = answer.meeting().details();
        long ticket = seats.claim(
                meetingId, registration.organizationId(), details.capacity(), details.seatsPerOrganization());
        if (ticket > 0) {
            registration.confirm(answer.occasion(), answer.attendee(), ticket, answer.now());
        } else {
            long position = registrations.waitlistedBefore(meetingId, -ticket) + 1;
            registration.waitlist(answer.occasion(), -ticket, (int) position, answer.now());
        }
        try {
            return existing.isPresent() ? registrations.update(registration) : registrations.add(registration);
        } catch (DuplicateKeyException | OptimisticLockingFailureException raced) {
            if (ticket > 0) {
                seats.release(meetingId, registration.organizationId(), details.seatsPerOrganization());
            }
            throw new ConflictException("Another answer of this person to this meeting came in at the same time;"
                    + " fetch the registration and answer again if needed");
        }
    }

    public Registration decline(String meetingId, String personId) {
        return giveUp(meetingId, personId, RegistrationStatus.DECLINED);
    }

    public Registration tentative(String meetingId, String personId) {
        return giveUp(meetingId, personId, RegistrationStatus.TENTATIVE);
    }

    private Registration giveUp(String meetingId, String personId, RegistrationStatus answerGiven) {
        Answer answer = prepare(meetingId, personId);
        Optional<Registration> existing = registrations.byId(Registration.idOf(meetingId, personId));
        if (existing.isPresent() && existing.get().status() == answerGiven) {
            return existing.get();
        }
        Registration registration = existing.orElseGet(
                () -> Registration.first(meetingId, personId, answer.organizationId(), answer.now()));
        String title = answer.meeting().details().title();
        RegistrationStatus previous = answerGiven == RegistrationStatus.DECLINED
                ? registration.decline(title, existing.isPresent(), answer.now())
                : registration.tentative(title, answer.now());
        Registration stored;
        try {
            stored = existing.isPresent() ? registrations.update(registration) : registrations.add(registration);
        } catch (DuplicateKeyException | OptimisticLockingFailureException raced) {
            throw new ConflictException("Another answer of this person to this meeting came in at the same time;"
                    + " fetch the registration and answer again if needed");
        }
        if (existing.isPresent() && previous.holdsSeat()) {
            MeetingDetails details = answer.meeting().details();
            seats.release(meetingId, registration.organizationId(), details.seatsPerOrganization());
            promote(answer.meeting(), answer.occasion());
        }
        return stored;
    }

    /** Gives a freed seat to the first waitlisted who fits; looks at a bounded number of them. */
    private void promote(Meeting meeting, Occasion occasion) {
        MeetingDetails details = meeting.details();
        for (Registration candidate : registrations.waitlisted(meeting.id(), PROMOTION_CANDIDATES)) {
            if (!seats.claimWithoutTicket(
                    meeting.id(), candidate.organizationId(), details.capacity(), details.seatsPerOrganization())) {
                if (details.capacity() != null && seats.confirmed(meeting.id()) >= details.capacity()) {
                    return;
                }
                continue;
            }
            Optional<KnownPerson> person = directory.person(candidate.personId());
            try {
                candidate.promote(occasion, attendee(candidate.personId(), person), clock.instant());
                registrations.update(candidate);
                return;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                seats.release(meeting.id(), candidate.organizationId(), details.seatsPerOrganization());
            }
        }
    }

    public List<Registration> ofMeeting(
            String meetingId, @org.jspecify.annotations.Nullable RegistrationStatus status, int offset, int limit) {
        meetings.get(meetingId);
        return registrations.ofMeeting(meetingId, status, offset, limit);
    }

    public long countOfMeeting(String meetingId, @org.jspecify.annotations.Nullable RegistrationStatus status) {
        return registrations.countOfMeeting(meetingId, status);
    }

    public long positionOf(Registration registration) {
        return registrations.waitlistedBefore(registration.meetingId(), registration.ticket()) + 1;
    }

    public Registration get(String meetingId, String personId) {
        return registrations
                .byId(Registration.idOf(meetingId, personId))
                .orElseThrow(() -> new org.concordia.platform.domain.NotFoundException(
                        "Registration", Registration.idOf(meetingId, personId)));
    }

    private Answer prepare(String meetingId, String personId) {
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
        return new Answer(
                meeting, occasion(meeting), attendee(personId, Optional.of(person)), invitation.organizationId(), now);
    }

    private static Attendee attendee(String personId, Optional<KnownPerson> person) {
        return person.map(p -> new Attendee(p.id(), p.fullName(), p.email(), p.preferredLanguage(), p.timeZone()))
                .orElse(new Attendee(personId, personId, "unknown@invalid", "en", "UTC"));
    }

    private static Occasion occasion(Meeting meeting) {
        MeetingDetails d = meeting.details();
        return new Occasion(
                meeting.id(),
                d.title(),
                meeting.timing().start(),
                meeting.timing().end(),
                meeting.timing().timeZone(),
                d.format().code(),
                d.venue() == null ? null : d.venue().line(),
                d.onlineLink(),
                meeting.organizer().fullName(),
                meeting.organizer().email(),
                meeting.sequence());
    }

    private record Answer(
            Meeting meeting,
            Occasion occasion,
            Attendee attendee,
            @org.jspecify.annotations.Nullable String organizationId,
            Instant now) {}
}
