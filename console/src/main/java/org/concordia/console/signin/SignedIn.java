package org.concordia.console.signin;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in person as the ID token names them: the console acts as {@code personId} wherever an API takes the
 * acting person.
 */
public record SignedIn(
        String personId,
        String name,
        @Nullable String email,
        Locale locale,
        ZoneId zone,
        List<Membership> memberships,
        boolean operator) {

    public static final String MEMBER = "MEMBER";
    public static final String COORDINATOR = "COORDINATOR";
    public static final String OPERATOR = "OPERATOR";

    public record Membership(String organizationId, List<String> roles) {

        public boolean coordinator() {
            return roles.contains("coordinator");
        }
    }

    public boolean coordinator() {
        return memberships.stream().anyMatch(Membership::coordinator);
    }

    public List<String> coordinatedOrganizations() {
        return memberships.stream()
                .filter(Membership::coordinator)
                .map(Membership::organizationId)
                .toList();
    }

    /** The person signed in on this thread, if any. */
    public static @Nullable SignedIn current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return of(user.getClaims());
        }
        return null;
    }

    public static SignedIn required() {
        SignedIn person = current();
        if (person == null) {
            throw new IllegalStateException("nobody is signed in");
        }
        return person;
    }

    @SuppressWarnings("unchecked")
    static SignedIn of(Map<String, Object> claims) {
        String personId = string(claims.get("person_id"), string(claims.get("sub"), ""));
        List<Membership> memberships = claims.get("memberships") instanceof List<?> list
                ? list.stream()
                        .filter(Map.class::isInstance)
                        .map(m -> (Map<String, Object>) m)
                        .map(m -> new Membership(
                                string(m.get("organizationId"), ""),
                                m.get("roles") instanceof List<?> roles
                                        ? roles.stream().map(String::valueOf).toList()
                                        : List.of()))
                        .toList()
                : List.of();
        boolean operator = claims.get("platform_roles") instanceof List<?> roles && roles.contains("operator");
        return new SignedIn(
                personId,
                string(claims.get("name"), personId),
                claims.get("email") instanceof String email ? email : null,
                Languages.supported(string(claims.get("locale"), "en")),
                zone(string(claims.get("zoneinfo"), "UTC")),
                memberships,
                operator);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException unknown) {
            return ZoneId.of("UTC");
        }
    }

    private static String string(@Nullable Object value, String fallback) {
        return value instanceof String text && !text.isBlank() ? text : fallback;
    }
}
