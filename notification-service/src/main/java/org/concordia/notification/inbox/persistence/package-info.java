/** The inbox in MongoDB: notifications by id, per-person buckets and summaries. */
@NullMarked
package org.concordia.notification.inbox.persistence;

import org.jspecify.annotations.NullMarked;
