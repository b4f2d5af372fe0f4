package org.concordia.meeting.registration.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.meeting.RegistrationConfirmed;
import org.concordia.contracts.meeting.RegistrationDeclined;
import org.concordia.contracts.meeting.RegistrationTentative;
import org.concordia.contracts.meeting.RegistrationWaitlisted;
import org.concordia.contracts.meeting.WaitlistPromoted;
import org.jspecify.annotations.Nullable;

/**
 * One person's answer to one meeting, or to one occurrence of a series (an answer for a whole series is one
 * registration per occurrence, so that each occurrence has its own seats and waitlist). Whether a seat is free is decided by the seat counters before the answer is
 * stored; the registration records the outcome and the ticket that orders the waitlist.
 */
public final class Registration {

    private final String id;
    private final @Nullable Long version;
    private final String meetingId;
    private final String personId;
    private final @Nullable Integer occurrence;
    private final @Nullable String organizationId;
    private RegistrationStatus status;
    private long ticket;
    private Instant answeredAt;
    private final List<DomainEvent> events = new ArrayList<>();

    private Registration(
            String id,
            @Nullable Long version,
            String meetingId,
            String personId,
            @Nullable Integer occurrence,
            @Nullable String organizationId,
            RegistrationStatus status,
            long ticket,
            Instant answeredAt) {
        this.id = id;
        this.version = version;
        this.meetingId = meetingId;
        this.personId = personId;
        this.occurrence = occurrence;
        this.organizationId = organizationId;
        this.status = status;
        this.ticket = ticket;
        this.answeredAt = answeredAt;
    }

    public static String idOf(String meetingId, String personId) {
        return meetingId + ":" + personId;
    }

    /** {@code <meetingId>:<personId>} for a single meeting, {@code <meetingId>#<occurrence>:<personId>} in a series. */
    public static String idOf(String meetingId, @Nullable Integer occurrence, String personId) {
        return Occasion.keyOf(meetingId, occurrence) + ":" + personId;
    }

    public static Registration first(Occasion occasion, String personId, @Nullable String organizationId, Instant now) {
        return new Registration(
                idOf(occasion.meetingId(), occasion.occurrence(), personId),
                null,
                occasion.meetingId(),
                personId,
                occasion.occurrence(),
                organizationId,
                RegistrationStatus.DECLINED,
                0,
                now);
    }

    public static Registration restore(
            String id,
            Long version,
            String meetingId,
            String personId,
            @Nullable Integer occurrence,
            @Nullable String organizationId,
            RegistrationStatus status,
            long ticket,
            Instant answeredAt) {
        return new Registration(
                id, version, meetingId, personId, occurrence, organizationId, status, ticket, answeredAt);
    }

    public void confirm(Occasion occasion, Attendee attendee, long ticket, Instant now) {
        this.status = RegistrationStatus.CONFIRMED;
        this.ticket = ticket;
        this.answeredAt = now;
        events.add(new RegistrationConfirmed(
                meetingId,
                occasion.title(),
                id,
                personId,
                attendee.fullName(),
                attendee.email(),
                attendee.preferredLanguage(),
                attendee.timeZone(),
                occasion.start(),
                occasion.end(),
                occasion.timeZone(),
                occasion.format(),
                occasion.venue(),
                occasion.onlineLink(),
                occasion.organizerName(),
                occasion.organizerEmail(),
                occasion.sequence(),
                organizationId,
                occasion.recurrenceId(),
                occasion.occurrenceStart(),
                now));
    }

    public void waitlist(Occasion occasion, long ticket, int position, Instant now) {
        this.status = RegistrationStatus.WAITLISTED;
        this.ticket = ticket;
        this.answeredAt = now;
        events.add(new RegistrationWaitlisted(
                meetingId,
                occasion.title(),
                id,
                personId,
                position,
                occasion.start(),
                occasion.end(),
                occasion.timeZone(),
                organizationId,
                occasion.recurrenceId(),
                occasion.occurrenceStart(),
                now));
    }

    public void promote(Occasion occasion, Attendee attendee, Instant now) {
        this.status = RegistrationStatus.CONFIRMED;
        this.answeredAt = now;
        events.add(new WaitlistPromoted(
                meetingId,
                occasion.title(),
                id,
                personId,
                attendee.fullName(),
                attendee.email(),
                attendee.preferredLanguage(),
                attendee.timeZone(),
                occasion.start(),
                occasion.end(),
                occasion.timeZone(),
                occasion.format(),
                occasion.venue(),
                occasion.onlineLink(),
                occasion.organizerName(),
                occasion.organizerEmail(),
                occasion.sequence(),
                organizationId,
                occasion.recurrenceId(),
                occasion.occurrenceStart(),
                now));
    }

    /** @return the status given up, whose seat (if it was one) the caller frees */
    public RegistrationStatus decline(Occasion occasion, boolean known, Instant now) {
        RegistrationStatus previous = status;
        status = RegistrationStatus.DECLINED;
        answeredAt = now;
        events.add(new RegistrationDeclined(
                meetingId,
                id,
                personId,
                occasion.title(),
                organizationId,
                known ? previous.code() : "invited",
                occasion.recurrenceId(),
                occasion.occurrenceStart(),
                now));
        return previous;
    }

    public RegistrationStatus tentative(Occasion occasion, Instant now) {
        RegistrationStatus previous = status;
        status = RegistrationStatus.TENTATIVE;
        answeredAt = now;
        events.add(new RegistrationTentative(
                meetingId,
                id,
                personId,
                occasion.title(),
                organizationId,
                occasion.recurrenceId(),
                occasion.occurrenceStart(),
                now));
        return previous;
    }

    public List<DomainEvent> pullEvents() {
        List<DomainEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public String id() {
        return id;
    }

    public @Nullable Long version() {
        return version;
    }

    public String meetingId() {
        return meetingId;
    }

    public String personId() {
        return personId;
    }

    /** The occurrence's number in its series (0 for the first); absent for a single meeting. */
    public @Nullable Integer occurrence() {
        return occurrence;
    }

    /** The key of the seats and waitlist this registration counts in. */
    public String occasionKey() {
        return Occasion.keyOf(meetingId, occurrence);
    }

    public @Nullable String organizationId() {
        return organizationId;
    }

    public RegistrationStatus status() {
        return status;
    }

    public long ticket() {
        return ticket;
    }

    public Instant answeredAt() {
        return answeredAt;
    }
}
