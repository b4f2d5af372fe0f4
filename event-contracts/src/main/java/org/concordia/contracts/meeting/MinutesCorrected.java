package org.concordia.contracts.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.concordia.contracts.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * Published minutes were corrected; carries the whole corrected text.
 *
 * @param meetingId Id of the meeting; also the iCalendar UID.
 * @param organizationId The organizing organization.
 * @param revision 2 for the first correction, then one more for each.
 * @param changeNote What was corrected, as the author wrote it.
 * @param timeZone IANA time zone id the meeting was planned in.
 * @param occurredAt When the change was made (UTC); also the ce_time header.
 */
public record MinutesCorrected(
        String meetingId,
        String title,
        String organizationId,
        int revision,
        String summary,
        List<String> decisions,
        List<ActionItem> actionItems,
        @Nullable String changeNote,
        Instant start,
        String timeZone,
        Instant occurredAt)
        implements DomainEvent {

    public MinutesCorrected {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(summary, "summary");
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String aggregateId() {
        return meetingId;
    }
}
