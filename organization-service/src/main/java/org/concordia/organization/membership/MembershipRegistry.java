package org.concordia.organization.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.concordia.organization.membership.model.Membership;
import org.concordia.organization.membership.model.Memberships;
import org.concordia.organization.membership.model.Role;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.organization.model.Organizations;
import org.concordia.organization.person.model.People;
import org.concordia.organization.person.model.Person;
import org.concordia.platform.application.Changes;
import org.concordia.platform.application.Created;
import org.concordia.platform.application.ExpectedVersion;
import org.concordia.platform.application.Paging;
import org.concordia.platform.domain.ConflictException;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** People joining organizations, changing roles and leaving; who belongs where. */
@Service
public class MembershipRegistry {

    private final Memberships memberships;
    private final Changes<Membership> changes;
    private final Organizations organizations;
    private final People people;
    private final Clock clock;

    public MembershipRegistry(Memberships memberships, Organizations organizations, People people, Clock clock) {
        this.memberships = memberships;
        this.changes = Changes.of("Membership", memberships::byId, Membership::version, memberships::update);
        this.organizations = organizations;
        this.people = people;
        this.clock = clock;
    }

    /**
     * A person joins an organization. A retry with the same id returns the first result; a person who is an active
     * member already is a conflict on {@code personId}.
     */
    public Created<MembershipEntry> join(
            String id,
            String organizationId,
            String personId,
            Collection<Role> roles,
            LocalDate validFrom,
            LocalDate validUntil) {
        Organization organization = organization(organizationId);
        var existing = memberships.byId(id);
        if (existing.isPresent()) {
            return Created.existing(entry(existing.get()));
        }
        Person person = people.byId(personId)
                .orElseThrow(() ->
                        new RuleViolationException("personId: person " + personId + " does not exist", "personId"));
        Membership membership = Membership.join(id, organization, person, roles, validFrom, validUntil, clock);
        try {
            return Created.created(new MembershipEntry(memberships.add(membership), organization, person));
        } catch (DuplicateKeyException duplicate) {
            return memberships
                    .byId(id)
                    .map(first -> Created.existing(entry(first)))
                    .orElseThrow(() -> new ConflictException(
                            person.details().fullName() + " is already a member of " + organization.name()
                                    + "; change the roles of that membership instead",
                            "personId"));
        }
    }

    public MembershipEntry get(String id) {
        return entry(membership(id));
    }

    public MembershipEntry changeRoles(String id, ExpectedVersion expected, Collection<Role> roles) {
        return entry(changes.apply(
                id,
                expected,
                membership -> membership.changeRoles(roles, organization(membership.organizationId()), clock)));
    }

    public MembershipEntry leave(String id, ExpectedVersion expected) {
        return entry(changes.apply(id, expected, membership -> {
            String personId = membership.personId();
            Person person = people.byId(personId).orElseThrow(() -> new NotFoundException("Person", personId));
            return membership.leave(organization(membership.organizationId()), person, clock);
        }));
    }

    /** An organization's members, optionally only those holding a role. */
    public Page<MembershipEntry> members(String organizationId, Role role, boolean includeFormer, int page, int size) {
        Organization organization = organization(organizationId);
        Page<Membership> found = Paging.page(
                page,
                size,
                memberships.countOfOrganization(organizationId, role, includeFormer),
                (offset, limit) -> memberships.ofOrganization(organizationId, role, includeFormer, offset, limit));
        Map<String, Person> persons = index(people.byIds(ids(found, Membership::personId)), Person::id);
        return found.map(m -> new MembershipEntry(m, organization, persons.get(m.personId())));
    }

    /** The organizations a person belongs to. */
    public Page<MembershipEntry> ofPerson(String personId, boolean includeFormer, int page, int size) {
        Person person = people.byId(personId).orElseThrow(() -> new NotFoundException("Person", personId));
        Page<Membership> found = Paging.page(
                page,
                size,
                memberships.countOfPerson(personId, includeFormer),
                (offset, limit) -> memberships.ofPerson(personId, includeFormer, offset, limit));
        Map<String, Organization> byId =
                index(organizations.byIds(ids(found, Membership::organizationId)), Organization::id);
        return found.map(m -> new MembershipEntry(m, byId.get(m.organizationId()), person));
    }

    private Membership membership(String id) {
        return memberships.byId(id).orElseThrow(() -> new NotFoundException("Membership", id));
    }

    private Organization organization(String id) {
        return organizations.byId(id).orElseThrow(() -> new NotFoundException("Organization", id));
    }

    private MembershipEntry entry(Membership membership) {
        return new MembershipEntry(
                membership,
                organizations.byId(membership.organizationId()).orElse(null),
                people.byId(membership.personId()).orElse(null));
    }

    private static Set<String> ids(Page<Membership> page, Function<Membership, String> id) {
        return page.getContent().stream().map(id).collect(Collectors.toSet());
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
