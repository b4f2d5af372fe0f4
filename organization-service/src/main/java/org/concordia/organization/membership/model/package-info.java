/** Memberships of people in organizations, with roles and mandate periods. Plain Java. */
package org.concordia.organization.membership.model;
