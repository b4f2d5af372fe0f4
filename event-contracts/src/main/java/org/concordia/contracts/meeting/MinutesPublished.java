package org.concordia.contracts.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;

/**
 * The minutes of a meeting were published.
 *
 * @param meetingId Id of the meeting; also the iCalendar UID.
 * @param timeZone IANA time zone id the meeting was planned in.
 * @param organizationId The organizing organization.
 * @param revision 1 for the first publication; corrections are MinutesCorrected with higher revisions.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MinutesPublished(
        String meetingId,
        String title,
        String summary,
        List<String> decisions,
        List<ActionItem> actionItems,
        Instant start,
        String timeZone,
        String organizationId,
        int revision,
        Instant occurredAt)
        implements DomainEvent {

    public MinutesPublished {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
