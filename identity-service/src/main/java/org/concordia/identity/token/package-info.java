/**
 * What tokens are issued to whom: the registered clients (from configuration), the claims a person's or a client's
 * tokens carry, and the authorizations and consents behind them, kept in MongoDB so that any instance continues
 * what another began.
 */
@NullMarked
package org.concordia.identity.token;

import org.jspecify.annotations.NullMarked;
