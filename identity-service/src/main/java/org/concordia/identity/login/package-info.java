/**
 * Logins: a coordinator (or an operator) gives a person of their organization a login; the person sets their own
 * password through a one-time link sent by e-mail, which expires and works once. Only a hash of the link's token and
 * of the password is stored.
 */
@NullMarked
package org.concordia.identity.login;

import org.jspecify.annotations.NullMarked;
