package org.concordia.meeting.meeting.model;

import java.time.Instant;
import java.util.List;
import org.concordia.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/** What a meeting is about and how people come, apart from its time and its invitations. */
public record MeetingDetails(
        String title,
        @Nullable String description,
        MeetingFormat format,
        @Nullable Venue venue,
        @Nullable String onlineLink,
        List<AgendaPoint> agenda,
        @Nullable Integer capacity,
        @Nullable Integer seatsPerOrganization,
        @Nullable Instant registrationDeadline,
        List<Integer> reminderMinutesBefore) {

    public static final List<Integer> DEFAULT_REMINDERS = List.of(1440, 60);

    public MeetingDetails {
        agenda = agenda == null ? List.of() : List.copyOf(agenda);
        reminderMinutesBefore = reminderMinutesBefore == null || reminderMinutesBefore.isEmpty()
                ? DEFAULT_REMINDERS
                : reminderMinutesBefore.stream()
                        .distinct()
                        .sorted((a, b) -> b - a)
                        .toList();
        if (format.needsLink() && onlineLink == null) {
            throw new RuleViolationException(format + " meetings need an onlineLink", "onlineLink");
        }
        if (format.needsVenue() && venue == null) {
            throw new RuleViolationException(format + " meetings need a venue", "venue");
        }
        if (capacity != null && capacity < 1) {
            throw new RuleViolationException("capacity must be at least 1", "capacity");
        }
        if (seatsPerOrganization != null && seatsPerOrganization < 1) {
            throw new RuleViolationException("seatsPerOrganization must be at least 1", "seatsPerOrganization");
        }
    }

    /** The rules that involve the meeting's time. */
    void checkAgainst(Timing timing) {
        if (registrationDeadline != null && registrationDeadline.isAfter(timing.start())) {
            throw new RuleViolationException(
                    "registrationDeadline must not be after the start", "registrationDeadline");
        }
    }
}
