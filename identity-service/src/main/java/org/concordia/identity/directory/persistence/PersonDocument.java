package org.concordia.identity.directory.persistence;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concordia.identity.directory.Person;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person with their memberships keyed by membership id; {@code detailsVersion} orders detail changes. */
@Document("people")
class PersonDocument {

    @Id
    String id;

    @Nullable
    String name;

    @Nullable
    String email;

    @Nullable
    String locale;

    @Nullable
    String zoneinfo;

    /** The organization-service version the details come from; absent while only a membership told them. */
    @Nullable
    Long detailsVersion;

    Map<String, MembershipEntry> memberships = new LinkedHashMap<>();

    @Version
    @Nullable
    Long version;

    PersonDocument(String id) {
        this.id = id;
    }

    static class MembershipEntry {
        String organizationId;
        List<String> roles;
        boolean ended;

        MembershipEntry(String organizationId, List<String> roles, boolean ended) {
            this.organizationId = organizationId;
            this.roles = roles;
            this.ended = ended;
        }
    }

    /** Current memberships only; two memberships in one organization show as one with the roles of both. */
    Person toPerson() {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        for (MembershipEntry membership : memberships.values()) {
            if (!membership.ended) {
                roles.computeIfAbsent(membership.organizationId, id -> new LinkedHashSet<>())
                        .addAll(membership.roles);
            }
        }
        List<Person.Membership> current = roles.entrySet().stream()
                .map(e -> new Person.Membership(e.getKey(), List.copyOf(e.getValue())))
                .toList();
        return new Person(id, name, email, locale, zoneinfo, current);
    }
}
