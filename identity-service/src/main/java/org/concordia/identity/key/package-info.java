/**
 * Signing keys: RSA keys made on first start and kept in this service's database (never in the repository), the
 * current one signing, previous ones published on the JWKS for verification until they are dropped by later
 * rotations.
 */
@NullMarked
package org.concordia.identity.key;

import org.jspecify.annotations.NullMarked;
