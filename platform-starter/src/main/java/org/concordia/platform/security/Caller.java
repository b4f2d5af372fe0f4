package org.concordia.platform.security;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who sent a request, as its token says: a person (with the roles they hold in each organization) or a client
 * acting for itself (service-to-service or operator tooling, {@code personId} absent).
 *
 * @param subject the token's {@code sub}: a person's id, or a client's id
 * @param personId the person's id, absent for a client acting for itself
 * @param memberships roles per organization id, e.g. {@code coordinator}, {@code member}
 * @param platformRoles roles across the platform, e.g. {@code operator}
 */
public record Caller(
        String subject,
        @Nullable String personId,
        @Nullable String name,
        @Nullable String email,
        Map<String, Set<String>> memberships,
        Set<String> platformRoles) {

    public static final String OPERATOR = "operator";
    public static final String COORDINATOR = "coordinator";
    public static final String REPRESENTATIVE = "representative";
    public static final String MEMBER = "member";
    public static final String PARTNER_CONTACT = "partner_contact";

    public Caller {
        memberships = Map.copyOf(memberships);
        platformRoles = Set.copyOf(platformRoles);
    }

    public boolean isOperator() {
        return platformRoles.contains(OPERATOR);
    }

    /** Whether the caller is this person (never true for a client acting for itself). */
    public boolean is(@Nullable String otherPersonId) {
        return personId != null && personId.equals(otherPersonId);
    }

    /** The roles held directly in the organization; empty when not a member. */
    public Set<String> rolesIn(String organizationId) {
        return memberships.getOrDefault(organizationId, Set.of());
    }

    public boolean hasRoleIn(String organizationId, String role) {
        return rolesIn(organizationId).contains(role);
    }

    public boolean isMemberOf(String organizationId) {
        return memberships.containsKey(organizationId);
    }
}
