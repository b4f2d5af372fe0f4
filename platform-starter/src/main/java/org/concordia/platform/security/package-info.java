/**
 * Every service as an OAuth2 resource server: bearer JWTs from the platform's OpenID Connect provider (or any other
 * that issues the same claims), the {@link org.concordia.platform.security.Caller} a request comes from, and the
 * organization-scoped roles it holds. Off unless {@code concordia.security.enabled=true}.
 */
@NullMarked
package org.concordia.platform.security;

import org.jspecify.annotations.NullMarked;
