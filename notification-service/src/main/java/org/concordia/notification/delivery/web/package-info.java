/** The operators' API of deliveries. */
@NullMarked
package org.concordia.notification.delivery.web;

import org.jspecify.annotations.NullMarked;
