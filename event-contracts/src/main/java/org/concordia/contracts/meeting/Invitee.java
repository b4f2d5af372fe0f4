package org.concordia.contracts.meeting;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person invited by name.
 *
 * @param organizationId The organization the person is invited on behalf of, if any.
 * @param fullName Full name as the person writes it, in their own script.
 * @param preferredLanguage BCP 47 language tag (usually ISO 639-1: en, bg, pl) in which the person
 *    wants to be addressed.
 * @param timeZone The person's IANA time zone id, in which times are shown to them.
 */
public record Invitee(
        String personId,
        @Nullable String organizationId,
        String fullName,
        String email,
        String preferredLanguage,
        String timeZone) {

    public Invitee {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(preferredLanguage, "preferredLanguage");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
