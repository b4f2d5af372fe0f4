/** The recipients' read model in MongoDB: every hot read is by {@code _id} or {@code _id $in}. */
@NullMarked
package org.concordia.notification.recipient.persistence;

import org.jspecify.annotations.NullMarked;
