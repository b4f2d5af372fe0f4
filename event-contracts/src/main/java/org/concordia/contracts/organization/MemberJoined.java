package org.concordia.contracts.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A person became a member of an organization. Carries what a consumer needs to address the member
 * without asking organization-service.
 *
 * @param personName Full name of the member.
 * @param preferredLanguage BCP 47 language tag (usually ISO 639-1: en, bg, pl) in which the person
 *    wants to be addressed.
 * @param timeZone IANA time zone id, e.g. Europe/Sofia.
 * @param roles Roles held in the organization. Known values, an open set: coordinator, representative,
 *    member, partner_contact.
 * @param validFrom First day of the membership, when it is limited.
 * @param validUntil Last day of the membership, when it is limited.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MemberJoined(
        String membershipId,
        String organizationId,
        String organizationName,
        String personId,
        String personName,
        String email,
        String preferredLanguage,
        String timeZone,
        List<String> roles,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validUntil,
        Instant occurredAt)
        implements DomainEvent {

    public MemberJoined {
        Objects.requireNonNull(membershipId, "membershipId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(personName, "personName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(preferredLanguage, "preferredLanguage");
        Objects.requireNonNull(timeZone, "timeZone");
        roles = roles == null ? List.of() : List.copyOf(roles);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return membershipId;
    }
}
