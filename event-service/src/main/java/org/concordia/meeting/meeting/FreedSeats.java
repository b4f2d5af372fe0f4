package org.concordia.meeting.meeting;

import org.concordia.meeting.meeting.model.Meeting;

/**
 * Told when a change of details left more seats than before (a higher capacity or more seats per organization, or
 * no limit any more), so that whoever keeps the waitlists gives them out. Registrations build on meetings, so
 * meetings know this port only.
 */
public interface FreedSeats {

    void offer(Meeting meeting);
}
