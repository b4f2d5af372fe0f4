/** iCalendar downloads and feeds. */
@NullMarked
package org.concordia.meeting.calendar.web;

import org.jspecify.annotations.NullMarked;
