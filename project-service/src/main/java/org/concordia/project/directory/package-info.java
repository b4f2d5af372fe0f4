/**
 * What this service knows about organizations: a read model built only from {@code organization-events}, so that
 * invitations are checked without calling organization-service. Replaying the topic rebuilds the same state.
 */
@NullMarked
package org.concordia.project.directory;

import org.jspecify.annotations.NullMarked;
