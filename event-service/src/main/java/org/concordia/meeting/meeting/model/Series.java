package org.concordia.meeting.meeting.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * A recurring meeting's occurrences, planned from an RFC 5545 rule in the meeting's zone: a weekly 10:00 Europe/Sofia
 * call stays at 10:00 Sofia time whatever daylight saving does to its UTC instant. Each occurrence can be moved or
 * cancelled alone.
 */
public final class Series {

    public static final int MAX_OCCURRENCES = 200;
    private static final int MAX_RULE_LENGTH = 200;

    private final String rrule;
    private final List<Occurrence> occurrences;

    private Series(String rrule, List<Occurrence> occurrences) {
        this.rrule = rrule;
        this.occurrences = List.copyOf(occurrences);
    }

    public static Series restore(String rrule, List<Occurrence> occurrences) {
        return new Series(rrule, occurrences);
    }

    /** Expands the rule from the first occurrence's timing, with ical4j's recurrence expansion. */
    public static Series plan(String rrule, Timing first) {
        String rule = rrule.strip();
        if (rule.startsWith("RRULE:")) {
            rule = rule.substring(6);
        }
        Recur<ZonedDateTime> recur = parse(rule);
        if (recur.getFrequency() != Frequency.WEEKLY && recur.getFrequency() != Frequency.MONTHLY) {
            throw new RuleViolationException("rrule must be FREQ=WEEKLY or FREQ=MONTHLY", "rrule");
        }
        boolean counted = recur.getCount() > 0;
        if (counted == (recur.getUntil() != null)) {
            throw new RuleViolationException("rrule needs exactly one of UNTIL or COUNT", "rrule");
        }
        if (counted && recur.getCount() > MAX_OCCURRENCES) {
            throw new RuleViolationException("rrule may plan at most " + MAX_OCCURRENCES + " occurrences", "rrule");
        }
        ZonedDateTime seed = first.start().atZone(first.zone());
        List<ZonedDateTime> starts = recur.getDates(seed, seed, seed.plusYears(20), MAX_OCCURRENCES + 1);
        if (starts.size() > MAX_OCCURRENCES) {
            throw new RuleViolationException("rrule may plan at most " + MAX_OCCURRENCES + " occurrences", "rrule");
        }
        if (starts.isEmpty() || !starts.get(0).toInstant().equals(first.start())) {
            throw new RuleViolationException("the start must be the first occurrence of the rrule", "rrule");
        }
        Duration length = first.duration();
        List<Occurrence> occurrences = new ArrayList<>();
        for (ZonedDateTime start : starts) {
            Instant at = start.toInstant();
            occurrences.add(new Occurrence(at, at, at.plus(length), false, null));
        }
        return new Series(rule, occurrences);
    }

    private static Recur<ZonedDateTime> parse(String rule) {
        if (rule.length() > MAX_RULE_LENGTH) {
            throw new RuleViolationException("rrule is longer than " + MAX_RULE_LENGTH + " characters", "rrule");
        }
        try {
            return new Recur<>(rule);
        } catch (RuntimeException e) {
            throw new RuleViolationException("rrule is not an RFC 5545 recurrence rule: " + rule, "rrule");
        }
    }

    /**
     * The series planned again from a new first occurrence, keeping what was changed on single occurrences: the n-th
     * occurrence of the new plan takes over the n-th of the old one (the rule is the same, so the numbering is). A
     * cancelled one stays cancelled; a moved one keeps the time it was moved to, named by the new plan's start, unless
     * that time now overlaps another occurrence still planned or is the new plan's own start for it: then it simply
     * follows the new plan. Occurrences the new plan no longer has (an UNTIL reached earlier) are dropped with their
     * changes.
     */
    Series replan(Timing first) {
        Series next = plan(rrule, first);
        List<Occurrence> planned = new ArrayList<>(next.occurrences);
        for (int n = 0; n < Math.min(occurrences.size(), planned.size()); n++) {
            Occurrence old = occurrences.get(n);
            Occurrence fresh = planned.get(n);
            if (old.cancelled()) {
                planned.set(
                        n,
                        new Occurrence(
                                fresh.recurrenceId(), fresh.start(), fresh.end(), true, old.cancellationReason()));
            }
        }
        for (int n = 0; n < Math.min(occurrences.size(), planned.size()); n++) {
            Occurrence old = occurrences.get(n);
            Occurrence fresh = planned.get(n);
            if (!old.moved() || old.cancelled() || old.start().equals(fresh.start())) {
                continue;
            }
            if (!collides(planned, n, old.start(), old.end())) {
                planned.set(n, new Occurrence(fresh.recurrenceId(), old.start(), old.end(), false, null));
            }
        }
        return new Series(next.rrule, planned);
    }

    private static boolean collides(List<Occurrence> planned, int except, Instant start, Instant end) {
        for (int i = 0; i < planned.size(); i++) {
            Occurrence other = planned.get(i);
            if (i != except && !other.cancelled() && other.start().isBefore(end) && start.isBefore(other.end())) {
                return true;
            }
        }
        return false;
    }

    /** The occurrence's number in the series, 0 for the first; it survives the series being planned again. */
    public int indexOf(Instant recurrenceId) {
        for (int n = 0; n < occurrences.size(); n++) {
            if (occurrences.get(n).recurrenceId().equals(recurrenceId)) {
                return n;
            }
        }
        throw new NotFoundException("Occurrence", recurrenceId.toString());
    }

    public String rrule() {
        return rrule;
    }

    public List<Occurrence> occurrences() {
        return occurrences;
    }

    /** Starts of the occurrences still planned, moved ones at their new start. */
    public List<Instant> plannedStarts() {
        return occurrences.stream()
                .filter(o -> !o.cancelled())
                .map(Occurrence::start)
                .sorted()
                .toList();
    }

    public Optional<Occurrence> occurrence(Instant recurrenceId) {
        return occurrences.stream()
                .filter(o -> o.recurrenceId().equals(recurrenceId))
                .findFirst();
    }

    /** The next occurrence still planned that starts after the given instant. */
    public Optional<Occurrence> nextAfter(Instant instant) {
        return occurrences.stream()
                .filter(o -> !o.cancelled() && o.start().isAfter(instant))
                .min((a, b) -> a.start().compareTo(b.start()));
    }

    Series move(Instant recurrenceId, Instant start, Instant end) {
        Occurrence found = required(recurrenceId);
        if (found.cancelled()) {
            throw new RuleViolationException("a cancelled occurrence cannot be moved", "recurrenceId");
        }
        return replace(new Occurrence(recurrenceId, start, end, false, null));
    }

    Series cancel(Instant recurrenceId, @Nullable String reason) {
        Occurrence found = required(recurrenceId);
        return replace(new Occurrence(recurrenceId, found.start(), found.end(), true, reason));
    }

    public Occurrence required(Instant recurrenceId) {
        return occurrence(recurrenceId).orElseThrow(() -> new NotFoundException("Occurrence", recurrenceId.toString()));
    }

    private Series replace(Occurrence changed) {
        List<Occurrence> next = new ArrayList<>(occurrences.size());
        for (Occurrence occurrence : occurrences) {
            next.add(occurrence.recurrenceId().equals(changed.recurrenceId()) ? changed : occurrence);
        }
        return new Series(rrule, next);
    }
}
