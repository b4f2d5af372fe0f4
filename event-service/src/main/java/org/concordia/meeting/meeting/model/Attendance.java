package org.concordia.meeting.meeting.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Which meetings people have accepted: the registrations, as far as meetings need them. */
public interface Attendance {

    /** Person id to the ids of the meetings where they hold a confirmed seat; one store operation. */
    Map<String, List<String>> confirmedMeetings(Collection<String> personIds);
}
