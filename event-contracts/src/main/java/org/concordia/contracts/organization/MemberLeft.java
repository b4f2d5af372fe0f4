package org.concordia.contracts.organization;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;

/**
 * A membership ended.
 *
 * @param organizationName Name of the organization, so a notification can be written from the event alone.
 * @param personName Full name of the person who left.
 * @param roles Roles the member held when leaving. Known values, an open set: coordinator, representative,
 *    member, partner_contact.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MemberLeft(
        String membershipId,
        String organizationId,
        String personId,
        String organizationName,
        String personName,
        List<String> roles,
        Instant occurredAt)
        implements DomainEvent {

    public MemberLeft {
        Objects.requireNonNull(membershipId, "membershipId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(personName, "personName");
        roles = roles == null ? List.of() : List.copyOf(roles);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return membershipId;
    }
}
