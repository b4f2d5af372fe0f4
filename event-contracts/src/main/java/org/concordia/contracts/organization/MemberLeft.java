package org.concordia.contracts.organization;

import java.time.Instant;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;

/**
 * A membership ended.
 *
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MemberLeft(String membershipId, String organizationId, String personId, Instant occurredAt)
        implements DomainEvent {

    public MemberLeft {
        Objects.requireNonNull(membershipId, "membershipId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return membershipId;
    }
}
