/**
 * The people and organizations this service knows, learned only from {@code organization-events}: a person's
 * details, their memberships with roles, and each organization's parent. Replaying the topic rebuilds the same state.
 */
@NullMarked
package org.concordia.identity.directory;

import org.jspecify.annotations.NullMarked;
