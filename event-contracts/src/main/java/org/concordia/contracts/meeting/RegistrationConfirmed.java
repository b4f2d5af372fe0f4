package org.concordia.contracts.meeting;

import java.time.Instant;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A person holds a seat at a meeting.
 *
 * @param meetingId Id of the meeting; also the iCalendar UID.
 * @param fullName Full name as the person writes it, in their own script.
 * @param preferredLanguage BCP 47 language tag (usually ISO 639-1: en, bg, pl) in which the person
 *    wants to be addressed.
 * @param timeZone The person's IANA time zone id, in which times are shown to them.
 * @param meetingTimeZone IANA time zone id the meeting was planned in.
 * @param format How people attend. Known values, an open set: in_person, online, hybrid.
 * @param venue Address of the place; present for in_person and hybrid meetings.
 * @param onlineLink Link to join; present for online and hybrid meetings.
 * @param organizerEmail E-mail of the organizer, the iCalendar ORGANIZER.
 * @param sequence iCalendar SEQUENCE of the meeting after this change; starts at 0 and grows with
 *    every change an invitee must see.
 * @param organizationId The organization the person registered on behalf of (its delegation seats), if any.
 * @param recurrenceId The occurrence of a series this answer is for, as its iCalendar RECURRENCE-ID (the start the
 *    series' rule planned for it); absent for a single meeting. An answer for a whole series is published once per
 *    occurrence it applies to.
 * @param occurrenceStart When that occurrence starts now, moved or not; absent for a single meeting.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record RegistrationConfirmed(
        String meetingId,
        String title,
        String registrationId,
        String personId,
        String fullName,
        String email,
        String preferredLanguage,
        String timeZone,
        Instant start,
        Instant end,
        String meetingTimeZone,
        String format,
        @Nullable String venue,
        @Nullable String onlineLink,
        String organizerName,
        String organizerEmail,
        int sequence,
        @Nullable String organizationId,
        @Nullable Instant recurrenceId,
        @Nullable Instant occurrenceStart,
        Instant occurredAt)
        implements DomainEvent {

    public RegistrationConfirmed {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(preferredLanguage, "preferredLanguage");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(meetingTimeZone, "meetingTimeZone");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(organizerName, "organizerName");
        Objects.requireNonNull(organizerEmail, "organizerEmail");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** As published before answers could be given per occurrence: for a single meeting or a whole series. */
    public RegistrationConfirmed(
            String meetingId,
            String title,
            String registrationId,
            String personId,
            String fullName,
            String email,
            String preferredLanguage,
            String timeZone,
            Instant start,
            Instant end,
            String meetingTimeZone,
            String format,
            @Nullable String venue,
            @Nullable String onlineLink,
            String organizerName,
            String organizerEmail,
            int sequence,
            @Nullable String organizationId,
            Instant occurredAt) {
        this(
                meetingId,
                title,
                registrationId,
                personId,
                fullName,
                email,
                preferredLanguage,
                timeZone,
                start,
                end,
                meetingTimeZone,
                format,
                venue,
                onlineLink,
                organizerName,
                organizerEmail,
                sequence,
                organizationId,
                null,
                null,
                occurredAt);
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
