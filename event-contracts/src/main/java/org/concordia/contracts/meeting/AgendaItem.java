package org.concordia.contracts.meeting;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One point of a meeting's agenda.
 *
 * @param minutes Planned length in minutes, if given.
 * @param presenter Who presents it, as written on the agenda.
 * @param presenterPersonId The presenter's person id, when the presenter is a registered person.
 * @param carriedOver True when the point is an open action item carried over from the series'
 *    previous occurrence.
 */
public record AgendaItem(
        String title,
        @Nullable Integer minutes,
        @Nullable String presenter,
        @Nullable String presenterPersonId,
        boolean carriedOver) {

    public AgendaItem {
        Objects.requireNonNull(title, "title");
    }
}
