package org.concordia.meeting.registration.web;

import java.time.Instant;
import java.util.List;
import org.concordia.meeting.registration.model.Registration;
import org.jspecify.annotations.Nullable;

/**
 * @param ticket the order in which the store granted this answer its ticket; the waitlist follows it
 * @param waitlistPosition 1 for the next to get a seat; present while waitlisted
 * @param occurrence for a series, the occurrence's number in the meeting's {@code occurrences} (0 for the first)
 * @param occurrences when one answer covered several occurrences of a series, the registration of each
 */
record RegistrationView(
        String id,
        String meetingId,
        String personId,
        @Nullable String organizationId,
        String status,
        long ticket,
        @Nullable Long waitlistPosition,
        Instant answeredAt,
        @Nullable Integer occurrence,
        @Nullable List<RegistrationView> occurrences) {

    static RegistrationView of(Registration r, @Nullable Long position) {
        return of(r, position, null);
    }

    static RegistrationView of(Registration r, @Nullable Long position, @Nullable List<RegistrationView> occurrences) {
        return new RegistrationView(
                r.id(),
                r.meetingId(),
                r.personId(),
                r.organizationId(),
                r.status().code(),
                r.ticket(),
                position,
                r.answeredAt(),
                r.occurrence(),
                occurrences);
    }
}
