/** Partnerships in MongoDB, written through the platform's {@code AggregateStore}. */
@NullMarked
package org.concordia.organization.partnership.persistence;

import org.jspecify.annotations.NullMarked;
