/**
 * Turning events (and, later, announcements) into notifications: the rule table says who is told what, fan-out
 * expands the audience in batches, renders each person's text and stores it with a few bulk writes per batch.
 */
@NullMarked
package org.concordia.notification.notice;

import org.jspecify.annotations.NullMarked;
