package org.concordia.project.project.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.concordia.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * What a project is about and when it runs. The planned period is inclusive: a project planned from 1 March to
 * 30 June runs on both days.
 */
public record ProjectDetails(
        String title,
        String summary,
        List<String> goals,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        @Nullable Funding funding) {

    public ProjectDetails {
        Objects.requireNonNull(title, "title");
        summary = summary == null ? "" : summary.strip();
        goals = goals == null ? List.of() : goals.stream().map(String::strip).toList();
        Objects.requireNonNull(plannedStart, "plannedStart");
        Objects.requireNonNull(plannedEnd, "plannedEnd");
        title = title.strip();
        if (title.isEmpty() || title.length() > Limits.TITLE) {
            throw new RuleViolationException("title must be 1 to " + Limits.TITLE + " characters", "title");
        }
        if (summary.length() > Limits.SUMMARY) {
            throw new RuleViolationException("summary must be at most " + Limits.SUMMARY + " characters", "summary");
        }
        if (goals.size() > Limits.GOALS) {
            throw new RuleViolationException("a project has at most " + Limits.GOALS + " goals", "goals");
        }
        for (int i = 0; i < goals.size(); i++) {
            String goal = goals.get(i);
            if (goal.isEmpty() || goal.length() > Limits.GOAL) {
                throw new RuleViolationException(
                        "each goal must be 1 to " + Limits.GOAL + " characters", "goals[" + i + "]");
            }
        }
        if (plannedEnd.isBefore(plannedStart)) {
            throw new RuleViolationException(
                    "plannedEnd " + plannedEnd + " is before plannedStart " + plannedStart, "plannedEnd");
        }
        if (plannedEnd.isAfter(plannedStart.plusYears(Limits.MAX_YEARS))) {
            throw new RuleViolationException("a project runs for at most " + Limits.MAX_YEARS + " years", "plannedEnd");
        }
    }
}
