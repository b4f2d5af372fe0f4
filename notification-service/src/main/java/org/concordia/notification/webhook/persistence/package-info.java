/** Webhooks in MongoDB, {@code _id} = organization id. */
@NullMarked
package org.concordia.notification.webhook.persistence;

import org.jspecify.annotations.NullMarked;
