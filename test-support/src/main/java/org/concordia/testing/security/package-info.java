/**
 * Tokens for tests of services that are resource servers: minted with a test key served from a local JWKS
 * ({@link org.concordia.testing.security.TestIssuer}), or obtained from a running identity-service
 * ({@link org.concordia.testing.security.IdentityServiceTokens}).
 */
@NullMarked
package org.concordia.testing.security;

import org.jspecify.annotations.NullMarked;
