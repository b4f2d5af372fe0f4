/**
 * Reminders before every meeting and occurrence, at the meeting's offsets, to whoever holds a confirmed seat when
 * the reminder is due: planned as durable slots, moved with the meeting, dropped when it is cancelled, and claimed
 * with a lease so that each is sent once whatever the number of instances.
 */
@NullMarked
package org.concordia.notification.reminder;

import org.jspecify.annotations.NullMarked;
