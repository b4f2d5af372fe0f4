package org.concordia.meeting.meeting.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.concordia.meeting.common.web.ApiText;
import org.concordia.meeting.meeting.model.ActionPoint;
import org.jspecify.annotations.Nullable;

/**
 * @param occurrence for a series, the occurrence (its recurrence id) the minutes are of
 * @param changeNote for a correction, what was corrected
 */
record MinutesRequest(
        @Nullable OffsetDateTime occurrence,

        @NotBlank @Size(max = 20_000) @Pattern(regexp = ApiText.LINES, message = ApiText.NO_CONTROL)
        String summary,

        @Nullable @Size(max = 100)
        List<@NotBlank @Size(max = 2000) @Pattern(regexp = ApiText.LINES, message = ApiText.NO_CONTROL) String>
                decisions,

        @Nullable @Size(max = 100) List<@NotNull @Valid ActionItemRequest> actionItems,

        @Nullable @Size(max = 1000) @Pattern(regexp = ApiText.LINES, message = ApiText.NO_CONTROL)
        String changeNote) {

    /** @param id kept from the published minutes when correcting an item; a new one otherwise */
    record ActionItemRequest(
            @Nullable @Size(max = 64) String id,

            @NotBlank @Size(max = 1000) @Pattern(regexp = ApiText.LINES, message = ApiText.NO_CONTROL)
            String description,

            @Nullable @Size(max = 64) String ownerPersonId,

            @Nullable @Size(max = 200) @Pattern(regexp = ApiText.LINE, message = ApiText.NO_CONTROL)
            String ownerName,

            @Nullable LocalDate dueDate,
            @Nullable Boolean closed) {}

    List<String> decisionList() {
        return decisions == null
                ? List.of()
                : decisions.stream().map(String::strip).toList();
    }

    List<ActionPoint> actionPoints() {
        List<ActionPoint> points = new ArrayList<>();
        if (actionItems != null) {
            for (ActionItemRequest item : actionItems) {
                points.add(new ActionPoint(
                        item.id() == null ? UUID.randomUUID().toString() : item.id(),
                        item.description().strip(),
                        item.ownerPersonId(),
                        item.ownerName(),
                        item.dueDate(),
                        Boolean.TRUE.equals(item.closed())));
            }
        }
        return points;
    }
}
