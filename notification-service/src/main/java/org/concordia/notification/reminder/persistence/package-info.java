/** Reminder slots in MongoDB. */
@NullMarked
package org.concordia.notification.reminder.persistence;

import org.jspecify.annotations.NullMarked;
