package org.concordia.organization.membership.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.concordia.organization.membership.MembershipEntry;
import org.concordia.organization.membership.model.Membership;
import org.concordia.organization.membership.model.Role;

/** A membership as the API shows it, with the names a coordinator needs to read a list of them. */
record MembershipView(
        String id,
        long version,
        String organizationId,
        String organizationName,
        String personId,
        String personName,
        String email,
        String preferredLanguage,
        String timeZone,
        List<Role> roles,
        LocalDate validFrom,
        LocalDate validUntil,
        boolean active,
        Instant joinedAt,
        Instant leftAt) {

    /** @param contacts whether the caller may read the person's e-mail address (null otherwise) */
    static MembershipView of(MembershipEntry entry, boolean contacts) {
        Membership membership = entry.membership();
        var person = entry.person();
        return new MembershipView(
                membership.id(),
                membership.version(),
                membership.organizationId(),
                entry.organization() == null ? null : entry.organization().name(),
                membership.personId(),
                person == null ? null : person.details().fullName(),
                person == null || !contacts ? null : person.details().email(),
                person == null ? null : person.details().preferredLanguage(),
                person == null ? null : person.details().timeZone(),
                List.copyOf(membership.roles()),
                membership.validFrom(),
                membership.validUntil(),
                membership.isActive(),
                membership.joinedAt(),
                membership.leftAt());
    }
}
