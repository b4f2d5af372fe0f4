package org.concordia.organization.partnership.model;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.organization.PartnershipEnded;
import org.concordia.contracts.organization.PartnershipFormed;
import org.concordia.organization.organization.model.Organization;
import org.concordia.platform.domain.RuleViolationException;

/**
 * A partnership between two organizations, recorded by the first of them, from a date and possibly until an agreed
 * date, ended explicitly. Two organizations have at most one running partnership of each kind.
 */
public final class Partnership {

    private final String id;
    private final Long version;
    private final String organizationId;
    private final String partnerOrganizationId;
    private final PartnershipKind kind;
    private final LocalDate since;
    private final LocalDate until;
    private LocalDate endedOn;
    private final Instant formedAt;
    private Instant endedAt;
    private final List<DomainEvent> events = new ArrayList<>();

    private Partnership(
            String id,
            Long version,
            String organizationId,
            String partnerOrganizationId,
            PartnershipKind kind,
            LocalDate since,
            LocalDate until,
            LocalDate endedOn,
            Instant formedAt,
            Instant endedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.version = version;
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.partnerOrganizationId = Objects.requireNonNull(partnerOrganizationId, "partnerOrganizationId");
        if (kind == null) {
            throw new RuleViolationException("kind is required", "kind");
        }
        if (since == null) {
            throw new RuleViolationException("since is required", "since");
        }
        if (until != null && until.isBefore(since)) {
            throw new RuleViolationException("until must not be before since", "until");
        }
        this.kind = kind;
        this.since = since;
        this.until = until;
        this.endedOn = endedOn;
        this.formedAt = Objects.requireNonNull(formedAt, "formedAt");
        this.endedAt = endedAt;
    }

    public static Partnership form(
            String id,
            Organization organization,
            Organization partner,
            PartnershipKind kind,
            LocalDate since,
            LocalDate until,
            Clock clock) {
        if (organization.id().equals(partner.id())) {
            throw new RuleViolationException("An organization cannot be its own partner", "partnerOrganizationId");
        }
        organization.requireActive("organizationId");
        partner.requireActive("partnerOrganizationId");
        Instant now = now(clock);
        Partnership partnership =
                new Partnership(id, null, organization.id(), partner.id(), kind, since, until, null, now, null);
        partnership.events.add(new PartnershipFormed(
                id,
                organization.id(),
                organization.name(),
                partner.id(),
                partner.name(),
                kind.code(),
                since,
                until,
                now));
        return partnership;
    }

    public static Partnership restore(
            String id,
            long version,
            String organizationId,
            String partnerOrganizationId,
            PartnershipKind kind,
            LocalDate since,
            LocalDate until,
            LocalDate endedOn,
            Instant formedAt,
            Instant endedAt) {
        return new Partnership(
                id, version, organizationId, partnerOrganizationId, kind, since, until, endedOn, formedAt, endedAt);
    }

    /**
     * Ends the partnership on the given day (its last day).
     *
     * @return whether this ended it; ending an ended partnership changes nothing
     */
    public boolean end(LocalDate lastDay, Organization organization, Organization partner, Clock clock) {
        if (!isRunning()) {
            return false;
        }
        Objects.requireNonNull(lastDay, "lastDay");
        if (lastDay.isBefore(since)) {
            throw new RuleViolationException(
                    "endedOn must not be before the partnership began (" + since + ")", "endedOn");
        }
        endedOn = lastDay;
        endedAt = now(clock);
        events.add(new PartnershipEnded(
                id,
                organizationId,
                partnerOrganizationId,
                endedOn,
                organization.name(),
                partner.name(),
                kind.code(),
                endedAt));
        return true;
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public List<DomainEvent> pullEvents() {
        List<DomainEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public boolean isRunning() {
        return endedOn == null;
    }

    public boolean involves(String organizationId) {
        return this.organizationId.equals(organizationId) || partnerOrganizationId.equals(organizationId);
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }

    public String organizationId() {
        return organizationId;
    }

    public String partnerOrganizationId() {
        return partnerOrganizationId;
    }

    public PartnershipKind kind() {
        return kind;
    }

    public LocalDate since() {
        return since;
    }

    public LocalDate until() {
        return until;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    public Instant formedAt() {
        return formedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
