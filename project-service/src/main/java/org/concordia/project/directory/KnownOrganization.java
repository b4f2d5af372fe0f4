package org.concordia.project.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An organization as the last applied event described it.
 *
 * @param country ISO 3166-1 alpha-2; absent only for an organization known from its archival alone
 * @param parentId the organization it is a chapter or representation of, if any
 * @param version the organization's version in the last applied registration (0) or update
 * @param lastEventAt when the last applied event happened
 */
public record KnownOrganization(
        String id,
        String name,
        @Nullable String shortName,
        @Nullable String kind,
        @Nullable String country,
        @Nullable String city,
        @Nullable String parentId,
        boolean archived,
        @Nullable Long version,
        @Nullable Instant lastEventAt) {}
