package org.concordia.identity.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person as tokens describe them: details from organization-service and the organizations they belong to now.
 *
 * @param locale BCP 47 language tag
 * @param zoneinfo IANA time zone id
 */
public record Person(
        String personId,
        @Nullable String name,
        @Nullable String email,
        @Nullable String locale,
        @Nullable String zoneinfo,
        List<Membership> memberships) {

    /** Roles held in one organization. */
    public record Membership(String organizationId, List<String> roles) {}

    public List<String> organizationIds() {
        return memberships.stream().map(Membership::organizationId).distinct().toList();
    }
}
