package org.concordia.meeting.meeting.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.concordia.meeting.common.web.ApiText;
import org.concordia.meeting.meeting.ScheduleMeeting;
import org.concordia.meeting.meeting.model.MeetingDetails;
import org.concordia.meeting.meeting.model.MeetingFormat;
import org.concordia.meeting.meeting.model.Timing;
import org.concordia.platform.web.TimeZoneId;
import org.concordia.platform.web.WebsiteUrl;
import org.jspecify.annotations.Nullable;

/**
 * @param organizerId another coordinator of the organization who runs the meeting; the caller when absent
 * @param timeZone the IANA zone the meeting is planned in; a series keeps its local time in it
 * @param rrule an RFC 5545 rule, FREQ=WEEKLY or MONTHLY with UNTIL or COUNT (at most 200 occurrences), for a series
 */
record ScheduleMeetingRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = ApiText.LINE, message = ApiText.NO_CONTROL)
        String title,

        @Nullable @Size(max = 4000) @Pattern(regexp = ApiText.LINES, message = ApiText.NO_CONTROL)
        String description,

        @Nullable @Size(min = 1, max = 64) String organizerId,
        @NotBlank @Size(max = 64) String organizationId,
        @Nullable @Size(max = 64) String projectId,
        @Nullable @Size(max = 64) String milestoneId,
        @NotNull MeetingFormat format,
        @Nullable @Valid VenueRequest venue,
        @Nullable @Size(max = 2048) @WebsiteUrl String onlineLink,
        @NotNull OffsetDateTime start,
        @NotNull OffsetDateTime end,
        @NotBlank @TimeZoneId String timeZone,

        @Nullable @Size(max = 200) @Pattern(regexp = "[A-Z0-9=;,:+-]*", message = "must be an RFC 5545 RRULE")
        String rrule,

        @Nullable @Size(max = 50) List<@NotNull @Valid AgendaRequest> agenda,
        @Nullable @Min(1) @Max(1_000_000) Integer capacity,
        @Nullable @Min(1) @Max(1000) Integer seatsPerOrganization,
        @Nullable OffsetDateTime registrationDeadline,
        @Nullable @Size(max = 5) List<@NotNull @Min(1) @Max(40320) Integer> reminderMinutesBefore,
        @NotEmpty @Size(max = 200) List<@NotNull @Valid TargetRequest> targets) {

    ScheduleMeeting toCommand(String id, String organizer) {
        return new ScheduleMeeting(
                id,
                organizer,
                organizationId,
                projectId,
                milestoneId,
                new MeetingDetails(
                        title.strip(),
                        description == null || description.isBlank() ? null : description.strip(),
                        format,
                        venue == null ? null : venue.toModel(),
                        onlineLink == null || onlineLink.isBlank() ? null : onlineLink.strip(),
                        agenda == null
                                ? List.of()
                                : agenda.stream().map(AgendaRequest::toModel).toList(),
                        capacity,
                        seatsPerOrganization,
                        registrationDeadline == null ? null : registrationDeadline.toInstant(),
                        reminderMinutesBefore),
                new Timing(start.toInstant(), end.toInstant(), timeZone),
                rrule == null || rrule.isBlank() ? null : rrule,
                targets.stream().map(TargetRequest::toModel).toList());
    }
}
