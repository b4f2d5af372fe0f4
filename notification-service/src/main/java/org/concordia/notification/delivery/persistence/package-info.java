/** Deliveries in MongoDB: their record by id, and a small queue claimed with findAndModify and a lease. */
@NullMarked
package org.concordia.notification.delivery.persistence;

import org.jspecify.annotations.NullMarked;
