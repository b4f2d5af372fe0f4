package org.concordia.project.project.model;

import java.util.Objects;

/**
 * An organization as the project knows it: its id with the name and country it had when it joined the project,
 * refreshed when the organization changes.
 */
public record OrganizationRef(String id, String name, String country) {

    public OrganizationRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
    }
}
