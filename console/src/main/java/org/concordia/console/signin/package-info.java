/** Sign-in through the platform's OpenID Connect provider (authorization code with PKCE) and who is signed in. */
@NullMarked
package org.concordia.console.signin;

import org.jspecify.annotations.NullMarked;
