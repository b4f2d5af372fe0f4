/**
 * Meetings and their rules in plain Java: timing in a planned zone, format and place, targets of invitations, a
 * series' occurrences, minutes. Free of Spring and MongoDB; ical4j only for RFC 5545 recurrence expansion.
 */
@NullMarked
package org.concordia.meeting.meeting.model;

import org.jspecify.annotations.NullMarked;
