package org.concordia.meeting.meeting.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.concordia.meeting.common.web.ApiText;
import org.concordia.meeting.meeting.model.MeetingDetails;
import org.concordia.meeting.meeting.model.MeetingFormat;
import org.concordia.platform.web.WebsiteUrl;
import org.jspecify.annotations.Nullable;

/** The fields to change; absent ones stay as they are. */
record DetailsPatch(
        @Nullable
        @Size(min = 1, max = 200)
        @Pattern(
                regexp = "[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*",
                message = "must not be blank or contain control characters")
        String title,

        @Nullable @Size(max = 4000) @Pattern(regexp = ApiText.LINES, message = ApiText.NO_CONTROL)
        String description,

        @Nullable MeetingFormat format,
        @Nullable @Valid VenueRequest venue,
        @Nullable @Size(max = 2048) @WebsiteUrl String onlineLink,
        @Nullable @Size(max = 50) List<@NotNull @Valid AgendaRequest> agenda,
        @Nullable @Min(1) @Max(1_000_000) Integer capacity,
        @Nullable @Min(1) @Max(1000) Integer seatsPerOrganization,
        @Nullable OffsetDateTime registrationDeadline,
        @Nullable @Size(max = 5) List<@NotNull @Min(1) @Max(40320) Integer> reminderMinutesBefore) {

    MeetingDetails applyTo(MeetingDetails d) {
        return new MeetingDetails(
                title == null ? d.title() : title.strip(),
                description == null ? d.description() : (description.isBlank() ? null : description.strip()),
                format == null ? d.format() : format,
                venue == null ? d.venue() : venue.toModel(),
                onlineLink == null ? d.onlineLink() : (onlineLink.isBlank() ? null : onlineLink.strip()),
                agenda == null
                        ? d.agenda()
                        : agenda.stream().map(AgendaRequest::toModel).toList(),
                capacity == null ? d.capacity() : capacity,
                seatsPerOrganization == null ? d.seatsPerOrganization() : seatsPerOrganization,
                registrationDeadline == null ? d.registrationDeadline() : registrationDeadline.toInstant(),
                reminderMinutesBefore == null ? d.reminderMinutesBefore() : reminderMinutesBefore);
    }
}
