/**
 * Each person's notifications: stored once under {@code <sourceId>:<personId>:<purpose>}, listed from per-person
 * bucket documents with an unread count beside them, so that every hot read is an {@code _id} look-up.
 */
@NullMarked
package org.concordia.notification.inbox;

import org.jspecify.annotations.NullMarked;
