package org.concordia.platform.security;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * The organization-scoped questions every service asks: is the caller a coordinator of this organization, directly
 * or through one of its parents, or an operator? The {@code require…} forms answer no with an
 * {@link AccessDeniedException}, which becomes a 403 Problem Details.
 */
public class OrganizationRoles {

    /** Deeper hierarchies than this are treated as broken data, not followed further. */
    static final int MAX_DEPTH = 16;

    private final OrganizationHierarchy hierarchy;

    public OrganizationRoles(OrganizationHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /** Whether the caller holds the role in the organization or in any organization above it. */
    public boolean hasRoleInOrAbove(Caller caller, String organizationId, String role) {
        Set<String> seen = new HashSet<>();
        Optional<String> current = Optional.of(organizationId);
        while (current.isPresent() && seen.size() < MAX_DEPTH && seen.add(current.get())) {
            if (caller.hasRoleIn(current.get(), role)) {
                return true;
            }
            current = hierarchy.parentOf(current.get());
        }
        return false;
    }

    public boolean isCoordinatorOf(Caller caller, String organizationId) {
        return hasRoleInOrAbove(caller, organizationId, Caller.COORDINATOR);
    }

    public void requireOperator(Caller caller) {
        if (!caller.isOperator()) {
            throw new AccessDeniedException("operators only");
        }
    }

    public void requireCoordinatorOf(Caller caller, String organizationId) {
        if (!isCoordinatorOf(caller, organizationId)) {
            throw new AccessDeniedException("coordinators of the organization only");
        }
    }

    /** Coordinators of the organization (or above it) and operators pass. */
    public void requireCoordinatorOrOperator(Caller caller, String organizationId) {
        if (!caller.isOperator() && !isCoordinatorOf(caller, organizationId)) {
            throw new AccessDeniedException("coordinators of the organization only");
        }
    }
}
