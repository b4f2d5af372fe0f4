package org.concordia.meeting.meeting.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.concordia.platform.domain.ConflictException;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;

/** The minutes of a meeting's occurrences: published once each, then corrected in revisions. */
final class MinutesBook {

    static final int MAX_ACTION_ITEMS = 100;

    private final List<Minutes> minutes;

    MinutesBook(List<Minutes> minutes) {
        this.minutes = List.copyOf(minutes);
    }

    List<Minutes> all() {
        return minutes;
    }

    Optional<Minutes> of(Instant occurrence) {
        return minutes.stream().filter(m -> m.occurrence().equals(occurrence)).findFirst();
    }

    MinutesBook publish(Minutes first) {
        if (of(first.occurrence()).isPresent()) {
            throw new ConflictException(
                    "The minutes of this meeting are published already; correct them instead", "occurrence");
        }
        List<Minutes> next = new ArrayList<>(minutes);
        next.add(first);
        next.sort(Comparator.comparing(Minutes::occurrence));
        return new MinutesBook(next);
    }

    MinutesBook correct(Minutes corrected) {
        Minutes previous = of(corrected.occurrence())
                .orElseThrow(() -> new NotFoundException(
                        "Minutes of occurrence", corrected.occurrence().toString()));
        return replace(new Minutes(
                corrected.occurrence(),
                previous.revision() + 1,
                corrected.summary(),
                corrected.decisions(),
                corrected.actionItems(),
                corrected.changeNote(),
                corrected.publishedAt()));
    }

    MinutesBook closeActionItem(String actionItemId) {
        for (Minutes m : minutes) {
            for (ActionPoint item : m.actionItems()) {
                if (item.id().equals(actionItemId)) {
                    List<ActionPoint> items = m.actionItems().stream()
                            .map(i -> i.id().equals(actionItemId) ? i.close() : i)
                            .toList();
                    return replace(new Minutes(
                            m.occurrence(),
                            m.revision(),
                            m.summary(),
                            m.decisions(),
                            items,
                            m.changeNote(),
                            m.publishedAt()));
                }
            }
        }
        throw new NotFoundException("Action item", actionItemId);
    }

    /** Action items still open from occurrences before the given one, oldest first. */
    List<ActionPoint> openBefore(Instant occurrence) {
        return minutes.stream()
                .filter(m -> m.occurrence().isBefore(occurrence))
                .flatMap(m -> m.actionItems().stream())
                .filter(item -> !item.closed())
                .toList();
    }

    static void checkItems(List<ActionPoint> items) {
        if (items.size() > MAX_ACTION_ITEMS) {
            throw new RuleViolationException("at most " + MAX_ACTION_ITEMS + " action items", "actionItems");
        }
    }

    private MinutesBook replace(Minutes changed) {
        List<Minutes> next = new ArrayList<>();
        for (Minutes m : minutes) {
            next.add(m.occurrence().equals(changed.occurrence()) ? changed : m);
        }
        return new MinutesBook(next);
    }
}
