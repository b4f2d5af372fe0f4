package org.concordia.project.project.model;

import org.jspecify.annotations.Nullable;

/**
 * Which projects to list; the criteria combine.
 *
 * @param organizationId projects it leads, or in which it is invited or a partner
 * @param country projects in which the country takes part (the lead's or an accepted partner's)
 */
public record ProjectSearch(
        @Nullable String organizationId,
        @Nullable String country,
        @Nullable ProjectStatus status) {}
