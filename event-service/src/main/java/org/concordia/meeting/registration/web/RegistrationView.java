package org.concordia.meeting.registration.web;

import java.time.Instant;
import org.concordia.meeting.registration.model.Registration;
import org.jspecify.annotations.Nullable;

/**
 * @param ticket the order in which the store granted this answer its ticket; the waitlist follows it
 * @param waitlistPosition 1 for the next to get a seat; present while waitlisted
 */
record RegistrationView(
        String id,
        String meetingId,
        String personId,
        @Nullable String organizationId,
        String status,
        long ticket,
        @Nullable Long waitlistPosition,
        Instant answeredAt) {

    static RegistrationView of(Registration r, @Nullable Long position) {
        return new RegistrationView(
                r.id(),
                r.meetingId(),
                r.personId(),
                r.organizationId(),
                r.status().code(),
                r.ticket(),
                position,
                r.answeredAt());
    }
}
