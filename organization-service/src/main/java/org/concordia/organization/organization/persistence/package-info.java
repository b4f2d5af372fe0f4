/** Organizations in MongoDB, written through the platform's {@code AggregateStore}. */
@NullMarked
package org.concordia.organization.organization.persistence;

import org.jspecify.annotations.NullMarked;
