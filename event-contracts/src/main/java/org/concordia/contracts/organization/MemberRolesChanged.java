package org.concordia.contracts.organization;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;

/**
 * A member's roles in an organization changed.
 *
 * @param roles Roles held in the organization. Known values, an open set: coordinator, representative,
 *    member, partner_contact.
 * @param previousRoles Roles held before this change. Known values, an open set: coordinator,
 *    representative, member, partner_contact.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MemberRolesChanged(
        String membershipId,
        String organizationId,
        String personId,
        List<String> roles,
        List<String> previousRoles,
        String organizationName,
        Instant occurredAt)
        implements DomainEvent {

    public MemberRolesChanged {
        Objects.requireNonNull(membershipId, "membershipId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(personId, "personId");
        roles = roles == null ? List.of() : List.copyOf(roles);
        previousRoles = previousRoles == null ? List.of() : List.copyOf(previousRoles);
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return membershipId;
    }
}
