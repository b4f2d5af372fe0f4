package org.concordia.organization.access;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.concordia.organization.membership.model.Membership;
import org.concordia.organization.membership.model.Memberships;
import org.concordia.organization.membership.model.Role;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.organization.model.Organizations;
import org.concordia.organization.partnership.model.Partnership;
import org.concordia.platform.security.Caller;
import org.concordia.platform.security.OrganizationHierarchy;
import org.concordia.platform.security.OrganizationRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the directory. Every read needs a valid token and nothing more, except contact details; every
 * change needs the right below, checked after the resource it concerns was found (an unknown id is a 404 for
 * anyone). "Coordinator of X" is a person holding the role {@code coordinator} in X or in any organization above X.
 * A refusal is an {@link AccessDeniedException}, answered 403 without saying which right was missing.
 *
 * <table>
 *   <caption>The rules</caption>
 *   <tr><th>action</th><th>who may</th></tr>
 *   <tr><td>read organizations, chapters, ancestors, partnerships, people's names, memberships</td>
 *       <td>any valid token (a person or a client)</td></tr>
 *   <tr><td>read a person's e-mail address (hidden otherwise, the rest of the read still answered)</td>
 *       <td>the person; coordinators of one of the organizations they are an active member of; operators</td></tr>
 *   <tr><td>register a top-level organization</td><td>operators (onboarding)</td></tr>
 *   <tr><td>register a chapter or representation</td><td>coordinators of its parent</td></tr>
 *   <tr><td>change or archive an organization</td><td>coordinators of the organization</td></tr>
 *   <tr><td>change an organization's parent</td>
 *       <td>coordinators of the organization who also coordinate its current parent (when it has one) and the new
 *       parent (when it gets one)</td></tr>
 *   <tr><td>register a person</td><td>coordinators of any organization; operators</td></tr>
 *   <tr><td>change a person's profile</td><td>the person</td></tr>
 *   <tr><td>add a member</td><td>coordinators of the organization; operators, adding a coordinator to an
 *       organization with no active coordinator in it or above it (onboarding)</td></tr>
 *   <tr><td>change a member's roles</td><td>coordinators of the organization</td></tr>
 *   <tr><td>end a membership</td><td>coordinators of the organization; the member</td></tr>
 *   <tr><td>form a partnership</td><td>coordinators of the organization that records it</td></tr>
 *   <tr><td>end a partnership</td><td>coordinators of either organization</td></tr>
 * </table>
 *
 * <p>A token without a person (client credentials) holds no organization role, so it changes nothing unless a rule
 * names operators.
 */
@Component
public class AccessRules {

    private final OrganizationRoles roles;
    private final OrganizationHierarchy hierarchy;
    private final Organizations organizations;
    private final Memberships memberships;

    AccessRules(OrganizationHierarchy hierarchy, Organizations organizations, Memberships memberships) {
        this.roles = new OrganizationRoles(hierarchy);
        this.hierarchy = hierarchy;
        this.organizations = organizations;
        this.memberships = memberships;
    }

    // --- organizations

    /** A parent that does not exist is left to the use case, which refuses it naming {@code parentId}. */
    public void registerOrganization(Caller caller, @Nullable String parentId) {
        String parent = blankToNull(parentId);
        if (parent == null) {
            require(caller.isOperator());
        } else if (organizations.byId(parent).isPresent()) {
            require(isCoordinatorOf(caller, parent));
        }
    }

    public void changeOrganization(Caller caller, Organization current, @Nullable String newParentId) {
        require(isCoordinatorOf(caller, current.id()));
        String from = blankToNull(current.parentId());
        String to = blankToNull(newParentId);
        if (!Objects.equals(from, to)) {
            require(from == null || isCoordinatorOf(caller, from));
            require(to == null || organizations.byId(to).isEmpty() || isCoordinatorOf(caller, to));
        }
    }

    public void archiveOrganization(Caller caller, Organization organization) {
        require(isCoordinatorOf(caller, organization.id()));
    }

    // --- people

    public void registerPerson(Caller caller) {
        require(caller.isOperator() || coordinatesAnything(caller));
    }

    public void changePerson(Caller caller, String personId) {
        require(caller.is(personId));
    }

    /** Whether the caller may read the person's e-mail address. */
    public boolean readsContactsOf(Caller caller, String personId) {
        return contactsReadable(caller, Set.of(personId)).contains(personId);
    }

    /** Of these people, those whose e-mail address the caller may read. */
    public Set<String> contactsReadable(Caller caller, Collection<String> people) {
        Set<String> personIds = Set.copyOf(people);
        if (caller.isOperator()) {
            return personIds;
        }
        Set<String> readable = new HashSet<>();
        personIds.stream().filter(caller::is).forEach(readable::add);
        if (!coordinatesAnything(caller) || readable.size() == personIds.size()) {
            return readable;
        }
        Map<String, Boolean> coordinated = new HashMap<>();
        for (Membership membership : memberships.activeOfPeople(
                personIds.stream().filter(id -> !readable.contains(id)).toList())) {
            if (coordinated.computeIfAbsent(membership.organizationId(), id -> isCoordinatorOf(caller, id))) {
                readable.add(membership.personId());
            }
        }
        return readable;
    }

    // --- memberships

    /** An organization that does not exist is left to the use case, which answers 404. */
    public void addMember(Caller caller, String organizationId, Collection<Role> newRoles) {
        if (organizations.byId(organizationId).isEmpty() || isCoordinatorOf(caller, organizationId)) {
            return;
        }
        require(caller.isOperator() && newRoles.contains(Role.COORDINATOR) && hasNoCoordinator(organizationId));
    }

    public void changeRoles(Caller caller, Membership membership) {
        require(isCoordinatorOf(caller, membership.organizationId()));
    }

    public void endMembership(Caller caller, Membership membership) {
        require(caller.is(membership.personId()) || isCoordinatorOf(caller, membership.organizationId()));
    }

    // --- partnerships

    /** An organization that does not exist is left to the use case, which refuses it naming {@code organizationId}. */
    public void formPartnership(Caller caller, String organizationId) {
        require(organizations.byId(organizationId).isEmpty() || isCoordinatorOf(caller, organizationId));
    }

    public void endPartnership(Caller caller, Partnership partnership) {
        require(isCoordinatorOf(caller, partnership.organizationId())
                || isCoordinatorOf(caller, partnership.partnerOrganizationId()));
    }

    // ---

    private boolean isCoordinatorOf(Caller caller, String organizationId) {
        return caller.personId() != null && roles.isCoordinatorOf(caller, organizationId);
    }

    private static boolean coordinatesAnything(Caller caller) {
        return caller.personId() != null
                && caller.memberships().values().stream().anyMatch(held -> held.contains(Caller.COORDINATOR));
    }

    /** No active coordinator in the organization nor above it: nobody but an operator could add the first one. */
    private boolean hasNoCoordinator(String organizationId) {
        Set<String> seen = new HashSet<>();
        Optional<String> current = Optional.of(organizationId);
        while (current.isPresent() && seen.add(current.get())) {
            if (memberships.countOfOrganization(current.get(), Role.COORDINATOR, false) > 0) {
                return false;
            }
            current = hierarchy.parentOf(current.get());
        }
        return true;
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new AccessDeniedException("not allowed");
        }
    }

    private static @Nullable String blankToNull(@Nullable String id) {
        return id == null || id.isBlank() ? null : id;
    }
}
