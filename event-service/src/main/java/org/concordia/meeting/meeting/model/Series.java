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
