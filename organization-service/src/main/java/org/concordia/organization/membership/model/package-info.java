/** Memberships of people in organizations, with roles and mandate periods. Plain Java. */
@NullMarked
package org.concordia.organization.membership.model;

import org.jspecify.annotations.NullMarked;
