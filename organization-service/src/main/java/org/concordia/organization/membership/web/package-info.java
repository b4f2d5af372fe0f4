/** The memberships API. */
@NullMarked
package org.concordia.organization.membership.web;

import org.jspecify.annotations.NullMarked;
