package org.concordia.notification.recipient;

import org.jspecify.annotations.Nullable;

/**
 * A person an audience expanded to, with what rendering and delivery need and why they are told.
 *
 * @param language BCP 47 tag the person wants to be addressed in
 * @param zone IANA time zone id in which times are shown to them
 * @param organizationId the organization through whose membership they were reached; null when named directly or
 *     reached through a meeting
 */
public record Recipient(
        String personId,
        String name,
        String email,
        String language,
        String zone,
        Reason reason,
        @Nullable String organizationId) {

    public Recipient(String personId, String name, String email, String language, String zone, Reason reason) {
        this(personId, name, email, language, zone, reason, null);
    }
}
