package org.concordia.platform.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a {@link Caller} from a token's claims, under the configured claim names. Malformed entries (a membership
 * without an organization, a role that is not a string) are skipped, so a token never grants more than it says.
 */
public class CallerClaims {

    private final ResourceServerProperties.Claims names;

    public CallerClaims(ResourceServerProperties.Claims names) {
        this.names = names;
    }

    public Caller read(Jwt jwt) {
        Map<String, Set<String>> memberships = new LinkedHashMap<>();
        Object claim = jwt.getClaims().get(names.getMemberships());
        if (claim instanceof Collection<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> membership
                        && membership.get(names.getOrganizationId()) instanceof String organizationId) {
                    memberships
                            .computeIfAbsent(organizationId, id -> new LinkedHashSet<>())
                            .addAll(strings(membership.get(names.getRoles())));
                }
            }
        }
        return new Caller(
                jwt.getSubject() == null ? "" : jwt.getSubject(),
                string(jwt.getClaims().get(names.getPersonId())),
                string(jwt.getClaims().get(names.getName())),
                string(jwt.getClaims().get(names.getEmail())),
                memberships,
                Set.copyOf(strings(jwt.getClaims().get(names.getPlatformRoles()))));
    }

    private static List<String> strings(@Nullable Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        return List.of();
    }

    private static @Nullable String string(@Nullable Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
