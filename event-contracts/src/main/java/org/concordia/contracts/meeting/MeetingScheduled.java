package org.concordia.contracts.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A meeting was scheduled and its invitations went out.
 *
 * @param meetingId Id of the meeting; also the iCalendar UID.
 * @param organizerId Person id of the organizer (a coordinator).
 * @param projectId The project the meeting belongs to, if any.
 * @param format How people attend. Known values, an open set: in_person, online, hybrid.
 * @param venue Address of the place; present for in_person and hybrid meetings.
 * @param onlineLink Link to join; present for online and hybrid meetings.
 * @param timeZone IANA time zone id the meeting was planned in; local times in it are what the
 *    organizer sees.
 * @param capacity Seats; absent when unlimited. Registrations beyond it are waitlisted.
 * @param invitees People invited by name. Members of invitedOrganizationIds are invited too but not
 *    listed here, so that a meeting of a large network stays one small event.
 * @param invitedOrganizationIds Organizations whose members are all invited.
 * @param sequence iCalendar SEQUENCE of the meeting after this change; starts at 0 and grows with
 *    every change an invitee must see.
 * @param organizerEmail E-mail of the organizer, the iCalendar ORGANIZER.
 * @param organizationId The organizing organization.
 * @param milestoneId The project milestone (a study visit or forum) this meeting is, if any.
 * @param place The venue in parts; present for in_person and hybrid meetings.
 * @param agenda Agenda points in order.
 * @param seatsPerOrganization Delegation limit: seats one organization may hold; absent when unlimited.
 * @param reminderMinutesBefore When confirmed participants are reminded, in minutes before the start of each occurrence.
 * @param targets Who is invited, as chosen; consumers resolve targets to people against their own read
 *    models.
 * @param rrule RFC 5545 recurrence rule of a series (FREQ=WEEKLY or MONTHLY with UNTIL or COUNT), in the
 *    planned zone; absent for a single meeting.
 * @param occurrenceStarts Start of every occurrence of a series that is still planned (cancelled occurrences left
 *    out, moved ones at their new start); empty for a single meeting.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MeetingScheduled(
        String meetingId,
        String title,
        @Nullable String description,
        String organizerId,
        String organizerName,
        @Nullable String projectId,
        String format,
        @Nullable String venue,
        @Nullable String onlineLink,
        Instant start,
        Instant end,
        String timeZone,
        @Nullable Instant registrationDeadline,
        @Nullable Integer capacity,
        List<Invitee> invitees,
        List<String> invitedOrganizationIds,
        int sequence,
        String organizerEmail,
        String organizationId,
        @Nullable String milestoneId,
        @Nullable Place place,
        List<AgendaItem> agenda,
        @Nullable Integer seatsPerOrganization,
        List<Integer> reminderMinutesBefore,
        List<InvitationTarget> targets,
        @Nullable String rrule,
        List<Instant> occurrenceStarts,
        Instant occurredAt)
        implements DomainEvent {

    public MeetingScheduled {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(organizerId, "organizerId");
        Objects.requireNonNull(organizerName, "organizerName");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timeZone, "timeZone");
        invitees = invitees == null ? List.of() : List.copyOf(invitees);
        invitedOrganizationIds = invitedOrganizationIds == null ? List.of() : List.copyOf(invitedOrganizationIds);
        Objects.requireNonNull(organizerEmail, "organizerEmail");
        Objects.requireNonNull(organizationId, "organizationId");
        agenda = agenda == null ? List.of() : List.copyOf(agenda);
        reminderMinutesBefore = reminderMinutesBefore == null ? List.of() : List.copyOf(reminderMinutesBefore);
        targets = targets == null ? List.of() : List.copyOf(targets);
        occurrenceStarts = occurrenceStarts == null ? List.of() : List.copyOf(occurrenceStarts);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
