package org.concordia.meeting.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.concordia.meeting.meeting.model.Attendance;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.Meetings;
import org.springframework.stereotype.Component;

/**
 * Finds the individually invited people (and the organizer) who have accepted another meeting overlapping this
 * one. Two store operations whatever the meeting's size; members of invited organizations are not checked one by
 * one, which would cost one look-up per member.
 */
@Component
class Conflicts {

    private final Attendance attendance;
    private final Meetings meetings;

    Conflicts(Attendance attendance, Meetings meetings) {
        this.attendance = attendance;
        this.meetings = meetings;
    }

    List<Conflict> of(Meeting meeting) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(meeting.organizer().personId(), meeting.organizer().fullName());
        meeting.invited().forEach(i -> names.put(i.personId(), i.fullName()));
        Map<String, List<String>> accepted = attendance.confirmedMeetings(names.keySet());
        Set<String> others = new HashSet<>();
        accepted.values().forEach(others::addAll);
        others.remove(meeting.id());
        if (others.isEmpty()) {
            return List.of();
        }
        Map<String, Meeting> byId =
                meetings.byIds(others).stream().collect(Collectors.toMap(Meeting::id, Function.identity()));
        List<Conflict> conflicts = new ArrayList<>();
        for (var entry : accepted.entrySet()) {
            for (String otherId : entry.getValue()) {
                Meeting other = byId.get(otherId);
                if (other == null) {
                    continue;
                }
                for (Instant start : meeting.plannedStarts()) {
                    Instant end = start.plus(meeting.timing().duration());
                    if (other.overlaps(start, end)) {
                        conflicts.add(new Conflict(
                                entry.getKey(),
                                names.get(entry.getKey()),
                                other.id(),
                                other.details().title(),
                                other.timing().start(),
                                other.timing().end()));
                        break;
                    }
                }
            }
        }
        return conflicts;
    }
}
