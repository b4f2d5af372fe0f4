package org.concordia.organization.organization.model;

/**
 * What a coordinator looks for; every criterion is optional.
 *
 * @param nameContains part of the name or short name, in any case
 * @param includeArchived whether archived organizations are listed too
 */
public record OrganizationSearch(
        String country, OrganizationKind kind, String parentId, String nameContains, boolean includeArchived) {

    public static OrganizationSearch chaptersOf(String parentId, boolean includeArchived) {
        return new OrganizationSearch(null, null, parentId, null, includeArchived);
    }
}
