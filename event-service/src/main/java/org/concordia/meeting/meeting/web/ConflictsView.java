package org.concordia.meeting.meeting.web;

import java.util.List;
import org.concordia.meeting.meeting.Conflict;

/** The invitees a draft would put in two meetings at once: the {@code conflicts} of a scheduled meeting's view. */
record ConflictsView(List<Conflict> conflicts) {}
