/**
 * iCalendar (RFC 5545) with ical4j: a meeting's file with its planned zone's VTIMEZONE, and each person's feed of
 * their meetings behind a token they can renew.
 */
@NullMarked
package org.concordia.meeting.calendar;

import org.jspecify.annotations.NullMarked;
