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
 * One person's answer to one meeting. Whether a seat is free is decided by the seat counters before the answer is
 * stored; the registration records the outcome and the ticket that orders the waitlist.
 */
public final class Registration {

    private final String id;
    private final @Nullable Long version;
    private final String meetingId;
    private final String personId;
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
            @Nullable String organizationId,
            RegistrationStatus status,
            long ticket,
            Instant answeredAt) {
        this.id = id;
        this.version = version;
        this.meetingId = meetingId;
        this.personId = personId;
        this.organizationId = organizationId;
        this.status = status;
        this.ticket = ticket;
        this.answeredAt = answeredAt;
    }

    public static String idOf(String meetingId, String personId) {
        return meetingId + ":" + personId;
    }

    public static Registration first(String meetingId, String personId, @Nullable String organizationId, Instant now) {
        return new Registration(
                idOf(meetingId, personId),
                null,
                meetingId,
                personId,
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
            @Nullable String organizationId,
            RegistrationStatus status,
            long ticket,
            Instant answeredAt) {
        return new Registration(id, version, meetingId, personId, organizationId, status, ticket, answeredAt);
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
                now));
    }

    /** @return the status given up, whose seat (if it was one) the caller frees */
    public RegistrationStatus decline(String title, boolean known, Instant now) {
        RegistrationStatus previous = status;
        status = RegistrationStatus.DECLINED;
        answeredAt = now;
        events.add(new RegistrationDeclined(
                meetingId, id, personId, title, organizationId, known ? previous.code() : "invited", now));
        return previous;
    }

    public RegistrationStatus tentative(String title, Instant now) {
        RegistrationStatus previous = status;
        status = RegistrationStatus.TENTATIVE;
        answeredAt = now;
        events.add(new RegistrationTentative(meetingId, id, personId, title, organizationId, now));
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
