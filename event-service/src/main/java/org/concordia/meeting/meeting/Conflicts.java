package org.concordia.meeting.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.directory.KnownPerson;
import org.concordia.meeting.meeting.model.Attendance;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.meeting.model.Meetings;
import org.concordia.meeting.meeting.model.Occurrence;
import org.concordia.meeting.meeting.model.Series;
import org.concordia.meeting.meeting.model.Target;
import org.concordia.meeting.meeting.model.Timing;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Finds the invitees (through any target, members of invited organizations included) and the organizer who have
 * accepted another meeting overlapping this one. It starts from the other side, so that a network of 100,000 members
 * costs no more than one person: the scheduled meetings overlapping this one's time (one query), their confirmed seats
 * (one query), and which of those people this meeting invites (their memberships in the targets' organizations, one
 * query, after the networks' and projects' organizations by id); then their names (one query).
 */
@Component
class Conflicts {

    /** Meetings overlapping the new one that are looked at; beyond them nobody is reported. */
    static final int MAX_OVERLAPPING = 500;
    /** Confirmed seats at those meetings that are looked at. */
    static final int MAX_SEATS = 5_000;

    private final Attendance attendance;
    private final Meetings meetings;
    private final Invitations invitations;
    private final Directory directory;

    Conflicts(Attendance attendance, Meetings meetings, Invitations invitations, Directory directory) {
        this.attendance = attendance;
        this.meetings = meetings;
        this.invitations = invitations;
        this.directory = directory;
    }

    List<Conflict> of(Meeting meeting) {
        return within(meeting.id(), invitees(meeting), windows(meeting));
    }

    /** Conflicts with one stretch of the meeting only, such as an occurrence just moved. */
    List<Conflict> of(Meeting meeting, Instant start, Instant end) {
        return within(meeting.id(), invitees(meeting), List.of(new Window(start, end)));
    }

    /**
     * Conflicts of a meeting not scheduled yet (a draft): the same search, with the draft's organizer and targets and
     * its time or the occurrences its series would have. Reads only.
     */
    List<Conflict> ofDraft(
            String organizerId,
            @Nullable String projectId,
            List<Target> targets,
            Timing timing,
            @Nullable Series series) {
        List<Window> windows = series == null
                ? List.of(new Window(timing.start(), timing.end()))
                : series.occurrences().stream()
                        .map(o -> new Window(o.start(), o.end()))
                        .toList();
        return within(null, among -> invitations.invitedAmong(organizerId, targets, projectId, among), windows);
    }

    private Function<Set<String>, Set<String>> invitees(Meeting meeting) {
        return among -> invitations.invitedAmong(meeting, among);
    }

    /** @param excluded the meeting looked at, which is no conflict of its own; none for a draft */
    private List<Conflict> within(
            @Nullable String excluded, Function<Set<String>, Set<String>> invitees, List<Window> windows) {
        if (windows.isEmpty()) {
            return List.of();
        }
        Instant from = windows.stream()
                .map(Window::start)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant to =
                windows.stream().map(Window::end).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, Meeting> others = meetings.overlapping(from, to, MAX_OVERLAPPING).stream()
                .filter(other -> !other.id().equals(excluded))
                .filter(other -> windows.stream().anyMatch(w -> other.overlaps(w.start(), w.end())))
                .collect(Collectors.toMap(Meeting::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        if (others.isEmpty()) {
            return List.of();
        }
        Map<String, Window> clash = new LinkedHashMap<>();
        Map<String, Meeting> clashWith = new HashMap<>();
        for (Attendance.Seat seat : attendance.confirmedAt(others.keySet(), MAX_SEATS)) {
            if (clash.containsKey(seat.personId())) {
                continue;
            }
            Meeting other = others.get(seat.meetingId());
            if (other == null) {
                continue;
            }
            seatWindows(other, seat).stream()
                    .filter(held -> windows.stream().anyMatch(w -> w.overlaps(held)))
                    .findFirst()
                    .ifPresent(held -> {
                        clash.put(seat.personId(), held);
                        clashWith.put(seat.personId(), other);
                    });
        }
        if (clash.isEmpty()) {
            return List.of();
        }
        Set<String> invited = invitees.apply(clash.keySet());
        Map<String, KnownPerson> people = directory.people(invited);
        List<Conflict> conflicts = new ArrayList<>();
        clash.forEach((personId, held) -> {
            if (!invited.contains(personId)) {
                return;
            }
            Meeting other = clashWith.get(personId);
            String name = Optional.ofNullable(people.get(personId))
                    .map(KnownPerson::fullName)
                    .orElse(personId);
            conflicts.add(
                    new Conflict(personId, name, other.id(), other.details().title(), held.start(), held.end()));
        });
        return conflicts;
    }

    /** The times a meeting takes: itself, or each occurrence still planned. */
    private static List<Window> windows(Meeting meeting) {
        if (meeting.series().isEmpty()) {
            return List.of(new Window(meeting.timing().start(), meeting.timing().end()));
        }
        return meeting.series().get().occurrences().stream()
                .filter(o -> !o.cancelled())
                .map(o -> new Window(o.start(), o.end()))
                .toList();
    }

    /** The times a confirmed seat holds: the meeting, the one occurrence it is for, or every one still planned. */
    private static List<Window> seatWindows(Meeting other, Attendance.Seat seat) {
        if (other.series().isEmpty() || seat.occurrence() == null) {
            return windows(other);
        }
        List<Occurrence> occurrences = other.series().get().occurrences();
        if (seat.occurrence() >= occurrences.size()) {
            return List.of();
        }
        Occurrence held = occurrences.get(seat.occurrence());
        return held.cancelled() ? List.of() : List.of(new Window(held.start(), held.end()));
    }

    private record Window(Instant start, Instant end) {
        boolean overlaps(Window other) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }
    }
}
