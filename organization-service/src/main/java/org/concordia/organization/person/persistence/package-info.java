/** People in MongoDB, written through the platform's {@code AggregateStore}. */
@NullMarked
package org.concordia.organization.person.persistence;

import org.jspecify.annotations.NullMarked;
