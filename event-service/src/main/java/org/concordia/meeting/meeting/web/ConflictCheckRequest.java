package org.concordia.meeting.meeting.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.concordia.meeting.meeting.DraftMeeting;
import org.concordia.meeting.meeting.model.Timing;
import org.concordia.platform.web.TimeZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A meeting about to be scheduled, as far as its conflicts go: the fields of scheduling that say who organizes, whom it
 * invites and when, validated the same way.
 *
 * @param organizerId another coordinator of the organization who would run the meeting; the caller when absent
 * @param rrule an RFC 5545 rule, FREQ=WEEKLY or MONTHLY with UNTIL or COUNT, for a series
 */
record ConflictCheckRequest(
        @Nullable @Size(min = 1, max = 64) String organizerId,
        @NotBlank @Size(max = 64) String organizationId,
        @Nullable @Size(max = 64) String projectId,
        @NotNull OffsetDateTime start,
        @NotNull OffsetDateTime end,
        @NotBlank @TimeZoneId String timeZone,

        @Nullable @Size(max = 200) @Pattern(regexp = "[A-Z0-9=;,:+-]*", message = "must be an RFC 5545 RRULE")
        String rrule,

        @NotEmpty @Size(max = 200) List<@NotNull @Valid TargetRequest> targets) {

    DraftMeeting toDraft(String organizer) {
        return new DraftMeeting(
                organizer,
                organizationId,
                projectId,
                new Timing(start.toInstant(), end.toInstant(), timeZone),
                rrule == null || rrule.isBlank() ? null : rrule,
                targets.stream().map(TargetRequest::toModel).toList());
    }
}
