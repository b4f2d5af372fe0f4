/**
 * The platform's OpenID Connect provider: people learned from {@code organization-events} sign in, and their tokens
 * carry their memberships and roles.
 */
@NullMarked
package org.concordia.identity;

import org.jspecify.annotations.NullMarked;
