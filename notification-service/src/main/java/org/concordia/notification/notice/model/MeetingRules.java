package org.concordia.notification.notice.model;

import static org.concordia.notification.notice.model.Category.MEETINGS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concordia.contracts.meeting.ActionItem;
import org.concordia.contracts.meeting.InvitationTarget;
import org.concordia.contracts.meeting.MeetingCancelled;
import org.concordia.contracts.meeting.MeetingDetailsChanged;
import org.concordia.contracts.meeting.MeetingOccurrenceCancelled;
import org.concordia.contracts.meeting.MeetingOccurrenceRescheduled;
import org.concordia.contracts.meeting.MeetingRescheduled;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.contracts.meeting.MinutesCorrected;
import org.concordia.contracts.meeting.MinutesPublished;
import org.concordia.contracts.meeting.RegistrationConfirmed;
import org.concordia.contracts.meeting.RegistrationWaitlisted;
import org.concordia.contracts.meeting.WaitlistPromoted;
import org.concordia.notification.recipient.Audience;
import org.concordia.notification.recipient.Reason;
import org.jspecify.annotations.Nullable;

/** The rows of {@code meeting-events}. */
final class MeetingRules {

    private MeetingRules() {}

    private static Notice notice(
            String id,
            String type,
            String purpose,
            String template,
            boolean transactional,
            Audience audience,
            Map<String, Object> args,
            @Nullable Invitation invitation,
            List<String> organizations) {
        return new Notice(
                id, type, purpose, template, MEETINGS, transactional, audience, args, invitation, organizations);
    }

    private static @Nullable String location(@Nullable String venue, @Nullable String link) {
        return venue != null ? venue : link;
    }

    static List<Notice> on(MeetingScheduled e, String id, String type) {
        List<String> organizations = new ArrayList<>(List.of(e.organizationId()));
        for (InvitationTarget target : e.targets()) {
            if (target.organizationId() != null && !organizations.contains(target.organizationId())) {
                organizations.add(target.organizationId());
            }
        }
        e.invitedOrganizationIds().stream()
                .filter(o -> !organizations.contains(o))
                .forEach(organizations::add);
        return List.of(notice(
                id,
                type,
                "invitee",
                "meeting.scheduled",
                false,
                new Audience.MeetingInvitees(e.meetingId()),
                Args.of(
                        "meeting", e.title(),
                        "start", e.start(),
                        "organizer", e.organizerName(),
                        "place", location(e.venue(), e.onlineLink()),
                        "occurrences", Math.max(1, e.occurrenceStarts().size())),
                new Invitation(
                        e.meetingId(),
                        e.sequence(),
                        false,
                        e.title(),
                        e.start(),
                        e.end(),
                        e.timeZone(),
                        location(e.venue(), e.onlineLink()),
                        e.organizerName(),
                        e.organizerEmail(),
                        null,
                        e.rrule()),
                organizations));
    }

    static List<Notice> on(MeetingRescheduled e, String id, String type) {
        return List.of(notice(
                id,
                type,
                "invitee",
                "meeting.rescheduled",
                true,
                new Audience.MeetingInvitees(e.meetingId()),
                Args.of("meeting", e.title(), "previousStart", e.previousStart(), "start", e.start()),
                new Invitation(
                        e.meetingId(),
                        e.sequence(),
                        false,
                        e.title(),
                        e.start(),
                        e.end(),
                        e.timeZone(),
                        location(e.venue(), e.onlineLink()),
                        e.organizerName(),
                        e.organizerEmail(),
                        null,
                        e.rrule()),
                List.of(e.organizationId())));
    }

    static List<Notice> on(MeetingDetailsChanged e, String id, String type) {
        return List.of(notice(
                id,
                type,
                "invitee",
                "meeting.details_changed",
                false,
                new Audience.MeetingInvitees(e.meetingId()),
                Args.of(
                        "meeting",
                        e.title(),
                        "start",
                        e.start(),
                        "changes",
                        e.changes().size()),
                new Invitation(
                        e.meetingId(),
                        e.sequence(),
                        false,
                        e.title(),
                        e.start(),
                        e.end(),
                        e.timeZone(),
                        location(e.venue(), e.onlineLink()),
                        e.organizerName(),
                        e.organizerEmail(),
                        null,
                        e.rrule()),
                List.of(e.organizationId())));
    }

    static List<Notice> on(MeetingCancelled e, String id, String type) {
        return List.of(notice(
                id,
                type,
                "invitee",
                "meeting.cancelled",
                true,
                new Audience.MeetingInvitees(e.meetingId()),
                Args.of("meeting", e.title(), "start", e.start(), "reason", e.reason()),
                new Invitation(
                        e.meetingId(),
                        e.sequence(),
                        true,
                        e.title(),
                        e.start(),
                        e.end(),
                        e.timeZone(),
                        null,
                        e.organizerName(),
                        e.organizerEmail(),
                        null,
                        e.rrule()),
                List.of(e.organizationId())));
    }

    static List<Notice> on(MeetingOccurrenceRescheduled e, String id, String type) {
        return List.of(notice(
                id,
                type,
                "invitee",
                "meeting.occurrence_rescheduled",
                true,
                new Audience.MeetingInvitees(e.meetingId()),
                Args.of("meeting", e.title(), "previousStart", e.previousStart(), "start", e.start()),
                new Invitation(
                        e.meetingId(),
                        e.sequence(),
                        false,
                        e.title(),
                        e.start(),
                        e.end(),
                        e.timeZone(),
                        location(e.venue(), e.onlineLink()),
                        e.organizerName(),
                        e.organizerEmail(),
                        e.recurrenceId(),
                        null),
                List.of(e.organizationId())));
    }

    static List<Notice> on(MeetingOccurrenceCancelled e, String id, String type) {
        return List.of(notice(
                id,
                type,
                "invitee",
                "meeting.occurrence_cancelled",
                true,
                new Audience.MeetingInvitees(e.meetingId()),
                Args.of("meeting", e.title(), "start", e.start(), "reason", e.reason()),
                new Invitation(
                        e.meetingId(),
                        e.sequence(),
                        true,
                        e.title(),
                        e.start(),
                        e.end(),
                        e.timeZone(),
                        null,
                        e.organizerName(),
                        e.organizerEmail(),
                        e.recurrenceId(),
                        null),
                List.of(e.organizationId())));
    }

    static List<Notice> on(RegistrationConfirmed e, String id, String type) {
        return seat(
                id,
                type,
                "registration.confirmed",
                e.meetingId(),
                e.personId(),
                e.title(),
                e.start(),
                e.end(),
                e.meetingTimeZone(),
                location(e.venue(), e.onlineLink()),
                e.organizerName(),
                e.organizerEmail(),
                e.sequence(),
                e.organizationId());
    }

    static List<Notice> on(WaitlistPromoted e, String id, String type) {
        return seat(
                id,
                type,
                "registration.promoted",
                e.meetingId(),
                e.personId(),
                e.title(),
                e.start(),
                e.end(),
                e.meetingTimeZone(),
                location(e.venue(), e.onlineLink()),
                e.organizerName(),
                e.organizerEmail(),
                e.sequence(),
                e.organizationId());
    }

    private static List<Notice> seat(
            String id,
            String type,
            String template,
            String meetingId,
            String personId,
            String title,
            java.time.Instant start,
            java.time.Instant end,
            String zone,
            @Nullable String location,
            String organizer,
            String organizerEmail,
            int sequence,
            @Nullable String organizationId) {
        return List.of(notice(
                id,
                type,
                "participant",
                template,
                true,
                Audience.person(personId, Reason.of("registered", "meeting", title)),
                Args.of("meeting", title, "start", start),
                new Invitation(
                        meetingId,
                        sequence,
                        false,
                        title,
                        start,
                        end,
                        zone,
                        location,
                        organizer,
                        organizerEmail,
                        null,
                        null),
                organizationId == null ? List.of() : List.of(organizationId)));
    }

    static List<Notice> on(RegistrationWaitlisted e, String id, String type) {
        return List.of(notice(
                id,
                type,
                "participant",
                "registration.waitlisted",
                false,
                Audience.person(e.personId(), Reason.of("registered", "meeting", e.title())),
                Args.of("meeting", e.title(), "start", e.start(), "position", e.position()),
                null,
                List.of()));
    }

    static List<Notice> on(MinutesPublished e, String id, String type) {
        List<Notice> notices = new ArrayList<>();
        notices.add(notice(
                id,
                type,
                "participant",
                "minutes.published",
                false,
                new Audience.MeetingParticipants(e.meetingId(), false),
                Args.of(
                        "meeting", e.title(),
                        "start", e.start(),
                        "decisions", e.decisions().size(),
                        "actions", e.actionItems().size()),
                null,
                List.of(e.organizationId())));
        Map<String, List<ActionItem>> byOwner = new LinkedHashMap<>();
        for (ActionItem item : e.actionItems()) {
            if (item.ownerPersonId() != null) {
                byOwner.computeIfAbsent(item.ownerPersonId(), o -> new ArrayList<>())
                        .add(item);
            }
        }
        byOwner.forEach((owner, items) -> notices.add(notice(
                id,
                type,
                "action-owner",
                "minutes.actions",
                false,
                Audience.person(owner, Reason.of("action_owner", "meeting", e.title())),
                Args.of(
                        "meeting", e.title(),
                        "count", items.size(),
                        "items",
                                String.join(
                                        "; ",
                                        items.stream()
                                                .map(ActionItem::description)
                                                .toList())),
                null,
                List.of())));
        return notices;
    }

    static List<Notice> on(MinutesCorrected e, String id, String type) {
        return List.of(notice(
                id,
                type,
                "participant",
                "minutes.corrected",
                false,
                new Audience.MeetingParticipants(e.meetingId(), false),
                Args.of("meeting", e.title(), "revision", e.revision(), "note", e.changeNote()),
                null,
                List.of(e.organizationId())));
    }
}
