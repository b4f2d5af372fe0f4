package org.concordia.meeting.meeting;

import java.util.List;
import org.concordia.meeting.meeting.model.Meeting;

/** A meeting as scheduled or rescheduled, with the invitees' overlapping accepted meetings (it is kept anyway). */
public record Scheduled(Meeting meeting, List<Conflict> conflicts) {}
