package org.concordia.meeting.directory;

import org.jspecify.annotations.Nullable;

/**
 * An organization as the last applied event described it.
 *
 * @param parentId the organization it is a chapter or representation of
 */
public record KnownOrganization(
        String id, String name, @Nullable String parentId, boolean archived) {}
