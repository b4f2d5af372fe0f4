package org.concordia.organization.membership.persistence;

import java.time.Instant;
import java.util.List;
import org.concordia.organization.common.persistence.Dates;
import org.concordia.organization.membership.model.Membership;
import org.concordia.organization.membership.model.Role;
import org.concordia.platform.domain.Coded;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A membership as stored. While it is active, {@code activeKey} ({@code person|organization}) carries a unique sparse
 * index: a person holds at most one active membership per organization, and a former one no longer counts.
 */
@Document("memberships")
public class MembershipDocument {

    @Id
    String id;

    @Version
    Long version;

    String organizationId;
    String personId;
    List<String> roles;
    String validFrom;
    String validUntil;
    boolean active;
    String activeKey;
    Instant joinedAt;
    Instant leftAt;

    public MembershipDocument() {}

    static String activeKey(String personId, String organizationId) {
        return personId + "|" + organizationId;
    }

    static MembershipDocument of(Membership membership) {
        MembershipDocument document = new MembershipDocument();
        document.id = membership.id();
        document.version = membership.version();
        document.organizationId = membership.organizationId();
        document.personId = membership.personId();
        document.roles = membership.roles().stream().map(Role::code).toList();
        document.validFrom = Dates.write(membership.validFrom());
        document.validUntil = Dates.write(membership.validUntil());
        document.active = membership.isActive();
        document.activeKey =
                membership.isActive() ? activeKey(membership.personId(), membership.organizationId()) : null;
        document.joinedAt = membership.joinedAt();
        document.leftAt = membership.leftAt();
        return document;
    }

    Membership toModel() {
        List<Role> known = roles.stream()
                .flatMap(code -> Coded.fromCode(Role.class, code).stream())
                .toList();
        return Membership.restore(
                id,
                version,
                organizationId,
                personId,
                known.isEmpty() ? List.of(Role.MEMBER) : known,
                Dates.read(validFrom),
                Dates.read(validUntil),
                joinedAt,
                leftAt);
    }
}
