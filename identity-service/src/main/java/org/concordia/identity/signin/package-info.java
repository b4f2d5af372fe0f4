/**
 * Signing in: the authorization server's endpoints, the sign-in form for the people who have a password, and the
 * rate limits in front of both.
 */
@NullMarked
package org.concordia.identity.signin;

import org.jspecify.annotations.NullMarked;
