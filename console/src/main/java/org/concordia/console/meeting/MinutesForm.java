package org.concordia.console.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Minutes being written, exactly as typed: the summary, decisions one per line, and action items as rows of parallel
 * lists (what, who, by when), so that a refused form comes back whole.
 *
 * @param occurrence for a series, the occurrence (its recurrence id) the minutes are of
 */
public record MinutesForm(
        @Nullable String occurrence,
        @Nullable String summary,
        @Nullable String decisions,
        @Nullable List<String> itemDescription,
        @Nullable List<String> itemOwner,
        @Nullable List<String> itemDue,
        @Nullable String more) {

    static final int BLANK_ROWS = 2;

    static MinutesForm blank(@Nullable String occurrence) {
        return new MinutesForm(occurrence, "", "", List.of(), List.of(), List.of(), null);
    }

    /** The rows to show: those typed, and blank ones for more (twice as many when asked for more). */
    public int rows() {
        int typed = 0;
        for (int row = 0; row < descriptions().size(); row++) {
            if (!(description(row) + owner(row) + due(row)).isBlank()) {
                typed = row + 1;
            }
        }
        return typed + (more == null ? BLANK_ROWS : 2 * BLANK_ROWS);
    }

    public String description(int row) {
        return at(descriptions(), row);
    }

    public String owner(int row) {
        return at(itemOwner, row);
    }

    public String due(int row) {
        return at(itemDue, row);
    }

    /** The form's fields that cannot even be read, each with the message key to show beside it. */
    Map<String, String> unreadable() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (int row = 0; row < descriptions().size(); row++) {
            String due = due(row).strip();
            if (!due.isEmpty() && parseDay(due) == null) {
                problems.put(field(row, "due"), "form.date");
            }
        }
        return problems;
    }

    /**
     * The body of event-service's minutes request; {@code fields} receives the API's name of each action item's
     * fields → this form's field, as the rows left out (nothing typed) shift the numbering.
     */
    Map<String, Object> request(Map<String, String> ownerNames, Map<String, String> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (occurrence != null && !occurrence.isBlank()) {
            body.put("occurrence", occurrence);
        }
        body.put("summary", text(summary).strip());
        body.put(
                "decisions",
                text(decisions)
                        .lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList());
        List<Map<String, Object>> items = new ArrayList<>();
        for (int row = 0; row < descriptions().size(); row++) {
            String description = description(row).strip();
            String owner = owner(row).strip();
            String due = due(row).strip();
            if (description.isEmpty() && owner.isEmpty() && due.isEmpty()) {
                continue;
            }
            String prefix = "actionItems[" + items.size() + "]";
            fields.put(prefix + ".description", field(row, "description"));
            fields.put(prefix + ".ownerPersonId", field(row, "owner"));
            fields.put(prefix + ".ownerName", field(row, "owner"));
            fields.put(prefix + ".dueDate", field(row, "due"));
            fields.put(prefix, field(row, "description"));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("description", description);
            if (!owner.isEmpty()) {
                item.put("ownerPersonId", owner);
                item.put("ownerName", ownerNames.getOrDefault(owner, owner));
            }
            if (!due.isEmpty()) {
                item.put("dueDate", due);
            }
            items.add(item);
        }
        body.put("actionItems", items);
        return body;
    }

    static String field(int row, String name) {
        return "item-" + row + "-" + name;
    }

    private List<String> descriptions() {
        return itemDescription == null ? List.of() : itemDescription;
    }

    private static String at(@Nullable List<String> values, int row) {
        return values == null || row >= values.size() || values.get(row) == null ? "" : values.get(row);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable LocalDate parseDay(String day) {
        try {
            return LocalDate.parse(day);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
