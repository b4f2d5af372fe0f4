/**
 * Invitees' answers: accept, decline or tentative until the deadline, seats within a capacity and a delegation limit
 * per organization, and an ordered waitlist. One document per answer, keyed {@code <meetingId>:<personId>}; seats
 * are counters claimed atomically, so a registration costs the same few store operations at any meeting size.
 */
@NullMarked
package org.concordia.meeting.registration;

import org.jspecify.annotations.NullMarked;
