/** Memberships in MongoDB, written through the platform's {@code AggregateStore}. */
@NullMarked
package org.concordia.organization.membership.persistence;

import org.jspecify.annotations.NullMarked;
