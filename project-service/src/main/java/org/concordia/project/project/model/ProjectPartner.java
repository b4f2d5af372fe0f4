package org.concordia.project.project.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An organization invited to a project, with its role and its answer.
 *
 * @param answeredAt when it accepted, declined or withdrew, or its invitation was withdrawn
 * @param reason why it declined or withdrew, as written
 */
public record ProjectPartner(
        OrganizationRef organization,
        PartnerRole role,
        PartnerStatus status,
        Instant invitedAt,
        @Nullable Instant answeredAt,
        @Nullable String reason) {

    public ProjectPartner {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(invitedAt, "invitedAt");
    }

    public String organizationId() {
        return organization.id();
    }

    ProjectPartner answered(PartnerStatus newStatus, Instant at, @Nullable String why) {
        return new ProjectPartner(organization, role, newStatus, invitedAt, at, why);
    }

    ProjectPartner reinvited(OrganizationRef current, PartnerRole newRole, Instant at) {
        return new ProjectPartner(current, newRole, PartnerStatus.INVITED, at, null, null);
    }

    ProjectPartner known(OrganizationRef current) {
        return new ProjectPartner(current, role, status, invitedAt, answeredAt, reason);
    }
}
