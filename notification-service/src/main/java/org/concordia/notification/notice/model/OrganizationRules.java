package org.concordia.notification.notice.model;

import static org.concordia.notification.notice.model.Category.ORGANIZATIONS;

import java.util.List;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.PartnershipEnded;
import org.concordia.contracts.organization.PartnershipFormed;
import org.concordia.notification.recipient.Audience;
import org.concordia.notification.recipient.Reason;

/** The rows of {@code organization-events}. */
final class OrganizationRules {

    private OrganizationRules() {}

    static List<Notice> on(OrganizationArchived e, String id, String type) {
        return List.of(new Notice(
                id,
                type,
                "member",
                "organization.archived",
                ORGANIZATIONS,
                false,
                new Audience.Members(e.organizationId(), List.of(), null),
                Args.of("organization", e.name()),
                null,
                List.of(e.organizationId())));
    }

    static List<Notice> on(MemberJoined e, String id, String type) {
        return List.of(
                new Notice(
                        id,
                        type,
                        "welcome",
                        "member.welcome",
                        ORGANIZATIONS,
                        false,
                        Audience.person(e.personId(), Reason.of("about_you")),
                        Args.of("organization", e.organizationName(), "role", first(e.roles())),
                        null,
                        List.of(e.organizationId())),
                new Notice(
                        id,
                        type,
                        "coordinator",
                        "member.joined",
                        ORGANIZATIONS,
                        false,
                        new Audience.Except(Audience.coordinators(e.organizationId()), e.personId()),
                        Args.of("organization", e.organizationName(), "person", e.personName()),
                        null,
                        List.of()));
    }

    static List<Notice> on(MemberRolesChanged e, String id, String type) {
        return List.of(new Notice(
                id,
                type,
                "member",
                "member.roles_changed",
                ORGANIZATIONS,
                false,
                Audience.person(e.personId(), Reason.of("about_you")),
                Args.of("organization", e.organizationName(), "role", first(e.roles())),
                null,
                List.of(e.organizationId())));
    }

    static List<Notice> on(MemberLeft e, String id, String type) {
        return List.of(
                new Notice(
                        id,
                        type,
                        "member",
                        "member.left",
                        ORGANIZATIONS,
                        false,
                        Audience.person(e.personId(), Reason.of("about_you")),
                        Args.of("organization", e.organizationName()),
                        null,
                        List.of(e.organizationId())),
                new Notice(
                        id,
                        type,
                        "coordinator",
                        "member.left_coordinators",
                        ORGANIZATIONS,
                        false,
                        Audience.coordinators(e.organizationId()),
                        Args.of("organization", e.organizationName(), "person", e.personName()),
                        null,
                        List.of()));
    }

    static List<Notice> on(PartnershipFormed e, String id, String type) {
        return partnership(
                id,
                type,
                "partnership.formed",
                e.organizationId(),
                e.organizationName(),
                e.partnerOrganizationId(),
                e.partnerOrganizationName());
    }

    static List<Notice> on(PartnershipEnded e, String id, String type) {
        return partnership(
                id,
                type,
                "partnership.ended",
                e.organizationId(),
                e.organizationName(),
                e.partnerOrganizationId(),
                e.partnerOrganizationName());
    }

    private static List<Notice> partnership(
            String id, String type, String template, String one, String oneName, String other, String otherName) {
        return List.of(new Notice(
                id,
                type,
                "coordinator",
                template,
                ORGANIZATIONS,
                false,
                new Audience.AnyOf(List.of(Audience.coordinators(one), Audience.coordinators(other))),
                Args.of("organization", oneName, "partner", otherName),
                null,
                List.of(one, other)));
    }

    static String first(List<String> roles) {
        return roles.isEmpty() ? "member" : roles.get(0);
    }
}
