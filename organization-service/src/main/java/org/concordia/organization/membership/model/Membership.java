package org.concordia.organization.membership.model;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.person.model.Person;
import org.concordia.platform.domain.RuleViolationException;

/**
 * A person's membership of an organization, with the roles they hold and an optional mandate period. A person has
 * at most one active membership per organization; after leaving they may join again, as a new membership.
 */
public final class Membership {

    private final String id;
    private final Long version;
    private final String organizationId;
    private final String personId;
    private Set<Role> roles;
    private final LocalDate validFrom;
    private final LocalDate validUntil;
    private final Instant joinedAt;
    private Instant leftAt;
    private final List<DomainEvent> events = new ArrayList<>();

    private Membership(
            String id,
            Long version,
            String organizationId,
            String personId,
            Set<Role> roles,
            LocalDate validFrom,
            LocalDate validUntil,
            Instant joinedAt,
            Instant leftAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.version = version;
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.personId = Objects.requireNonNull(personId, "personId");
        this.roles = roles(roles);
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new RuleViolationException("validUntil must not be before validFrom", "validUntil");
        }
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.joinedAt = Objects.requireNonNull(joinedAt, "joinedAt");
        this.leftAt = leftAt;
    }

    public static Membership join(
            String id,
            Organization organization,
            Person person,
            Collection<Role> roles,
            LocalDate validFrom,
            LocalDate validUntil,
            Clock clock) {
        organization.requireActive("organizationId");
        Instant now = now(clock);
        Membership membership = new Membership(
                id, null, organization.id(), person.id(), roles(roles), validFrom, validUntil, now, null);
        membership.events.add(new MemberJoined(
                id,
                organization.id(),
                organization.name(),
                person.id(),
                person.details().fullName(),
                person.details().email(),
                person.details().preferredLanguage(),
                person.details().timeZone(),
                codes(membership.roles),
                validFrom,
                validUntil,
                now));
        return membership;
    }

    public static Membership restore(
            String id,
            long version,
            String organizationId,
            String personId,
            Collection<Role> roles,
            LocalDate validFrom,
            LocalDate validUntil,
            Instant joinedAt,
            Instant leftAt) {
        return new Membership(
                id, version, organizationId, personId, roles(roles), validFrom, validUntil, joinedAt, leftAt);
    }

    /** @return whether the roles changed; the same roles again record no event */
    public boolean changeRoles(Collection<Role> newRoles, Organization organization, Clock clock) {
        Set<Role> next = roles(newRoles);
        if (!isActive()) {
            throw new RuleViolationException("Membership " + id + " has ended; its roles can no longer change");
        }
        organization.requireActive("organizationId");
        if (next.equals(roles)) {
            return false;
        }
        List<String> previous = codes(roles);
        roles = next;
        events.add(new MemberRolesChanged(
                id, organizationId, personId, codes(roles), previous, organization.name(), now(clock)));
        return true;
    }

    /** @return whether this ended the membership; leaving twice changes nothing */
    public boolean leave(Organization organization, Person person, Clock clock) {
        if (!isActive()) {
            return false;
        }
        leftAt = now(clock);
        events.add(new MemberLeft(
                id,
                organizationId,
                personId,
                organization.name(),
                person.details().fullName(),
                codes(roles),
                leftAt));
        return true;
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    private static Set<Role> roles(Collection<Role> roles) {
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull)) {
            throw new RuleViolationException("a member holds at least one role", "roles");
        }
        return EnumSet.copyOf(roles);
    }

    private static List<String> codes(Set<Role> roles) {
        return roles.stream().map(Role::code).toList();
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public List<DomainEvent> pullEvents() {
        List<DomainEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
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

    public String personId() {
        return personId;
    }

    /** In the order of {@link Role}: coordinator first. */
    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public Instant leftAt() {
        return leftAt;
    }

    public boolean isActive() {
        return leftAt == null;
    }
}
