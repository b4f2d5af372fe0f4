package org.concordia.contracts.project;

import java.util.Objects;

/**
 * An organization in a project, with its role and status.
 *
 * @param name Official name, in the organization's own language and script.
 * @param country ISO 3166-1 alpha-2 code.
 * @param role The organization's role in the project. Known values, an open set: lead, partner,
 *    associate.
 * @param status Where the organization stands on its invitation. Known values, an open set: invited,
 *    accepted, declined, withdrawn.
 */
public record Partner(String organizationId, String name, String country, String role, String status) {

    public Partner {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
    }
}
