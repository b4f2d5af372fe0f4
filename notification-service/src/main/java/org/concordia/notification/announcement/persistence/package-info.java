/** Announcements in MongoDB (written through the AggregateStore), and the read-model queries writing and reporting need. */
@NullMarked
package org.concordia.notification.announcement.persistence;

import org.jspecify.annotations.NullMarked;
