package org.concordia.project.project.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.concordia.platform.domain.ConflictException;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.concordia.platform.domain.StandardCodes;
import org.jspecify.annotations.Nullable;

/**
 * A project's milestones and the rules of their dates: due within the project's period, or up to
 * {@value Project#DAYS_BEFORE_START} days before its start and {@value Project#DAYS_AFTER_END} days after its end; only
 * planned ones are rescheduled, completed or cancelled; completed on a day that is not in the future, while the project
 * is active. {@link Project} checks that it is open and records the events from what these changes return.
 */
final class Timeline {

    /** By date (the day reached, else the day due), then title and id, so the order is stable. */
    private static final Comparator<Milestone> ORDER = Comparator.comparing(Milestone::date)
            .thenComparing(Milestone::title)
            .thenComparing(Milestone::id);

    private final String projectId;
    private final List<Milestone> milestones;

    Timeline(String projectId, List<Milestone> milestones) {
        this.projectId = projectId;
        this.milestones = new ArrayList<>(milestones);
    }

    /** In the order they were planned. */
    List<Milestone> asPlanned() {
        return List.copyOf(milestones);
    }

    List<Milestone> inOrder() {
        return milestones.stream().sorted(ORDER).toList();
    }

    Optional<Milestone> find(String milestoneId) {
        return milestones.stream().filter(m -> m.id().equals(milestoneId)).findFirst();
    }

    /** The titles of the milestones still planned, quoted, in timeline order: what keeps a project from completing. */
    List<String> stillPlanned() {
        return milestones.stream()
                .filter(m -> m.status() == MilestoneStatus.PLANNED)
                .sorted(ORDER)
                .map(m -> "\"" + m.title() + "\"")
                .toList();
    }

    /** @throws RuleViolationException when the new period would leave planned milestones outside their bounds */
    void requireFits(ProjectDetails period) {
        List<String> outside = milestones.stream()
                .filter(m -> m.status() == MilestoneStatus.PLANNED)
                .filter(m -> !withinBounds(m.dueDate(), period))
                .map(m -> "\"" + m.title() + "\" (" + m.dueDate() + ")")
                .toList();
        if (!outside.isEmpty()) {
            throw new RuleViolationException(
                    "The new period " + period.plannedStart() + " to " + period.plannedEnd()
                            + " would leave planned milestones outside it: " + String.join(", ", outside)
                            + "; reschedule them first",
                    "plannedStart");
        }
    }

    /** @throws ConflictException when a milestone with this id exists already */
    Milestone plan(
            String milestoneId,
            MilestoneKind kind,
            String title,
            @Nullable String hostCountry,
            @Nullable String hostCity,
            LocalDate dueDate,
            ProjectDetails period,
            Instant now) {
        if (find(milestoneId).isPresent()) {
            throw new ConflictException("Milestone " + milestoneId + " exists already", "milestoneId");
        }
        String name = title.strip();
        if (name.isEmpty() || name.length() > Limits.TITLE) {
            throw new RuleViolationException("title must be 1 to " + Limits.TITLE + " characters", "title");
        }
        String country = StandardCodes.normalized(Project.blankToNull(hostCountry));
        String city = Project.blankToNull(hostCity);
        if (country != null && !StandardCodes.isCountry(country)) {
            throw new RuleViolationException(
                    "hostCountry must be an ISO 3166-1 alpha-2 country code such as AT or CZ", "hostCountry");
        }
        if (country == null && (kind == MilestoneKind.STUDY_VISIT || kind == MilestoneKind.FORUM)) {
            throw new RuleViolationException(
                    "A " + kind.code().replace('_', ' ') + " takes place somewhere: give its" + " hostCountry",
                    "hostCountry");
        }
        if (city != null && country == null) {
            throw new RuleViolationException("hostCity needs a hostCountry", "hostCountry");
        }
        if (city != null && city.length() > Limits.CITY) {
            throw new RuleViolationException("hostCity must be at most " + Limits.CITY + " characters", "hostCity");
        }
        requireWithinBounds(dueDate, period);
        Milestone milestone = new Milestone(
                milestoneId, kind, name, country, city, dueDate, MilestoneStatus.PLANNED, null, null, now);
        milestones.add(milestone);
        return milestone;
    }

    /** @return the milestone as it was before, empty when it is due that day already */
    Optional<Milestone> reschedule(String milestoneId, LocalDate dueDate, ProjectDetails period) {
        Milestone milestone = require(milestoneId);
        requirePlanned(milestone, "rescheduled");
        if (milestone.dueDate().equals(dueDate)) {
            return Optional.empty();
        }
        requireWithinBounds(dueDate, period);
        replace(milestone.rescheduled(dueDate));
        return Optional.of(milestone);
    }

    /**
     * @param completedOn the day it was reached; today (UTC) when {@code null}
     * @param status the project's, which must be active
     * @return the milestone completed, empty when it was completed already
     */
    Optional<Milestone> complete(
            String milestoneId, @Nullable LocalDate completedOn, ProjectStatus status, Instant now) {
        Milestone milestone = require(milestoneId);
        if (milestone.status() == MilestoneStatus.COMPLETED) {
            return Optional.empty();
        }
        requirePlanned(milestone, "completed");
        if (status != ProjectStatus.ACTIVE) {
            throw new RuleViolationException(
                    "Milestones are completed while the project is active; this one is " + status);
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate on = completedOn != null ? completedOn : today;
        if (on.isAfter(today)) {
            throw new RuleViolationException(
                    "completedOn " + on + " is in the future; a milestone is completed once it has been reached",
                    "completedOn");
        }
        Milestone completed = milestone.completed(on);
        replace(completed);
        return Optional.of(completed);
    }

    /** @return the milestone cancelled, empty when it was cancelled already */
    Optional<Milestone> cancel(String milestoneId, @Nullable String reason) {
        Milestone milestone = require(milestoneId);
        if (milestone.status() == MilestoneStatus.CANCELLED) {
            return Optional.empty();
        }
        requirePlanned(milestone, "cancelled");
        Milestone cancelled = milestone.cancelled(reason);
        replace(cancelled);
        return Optional.of(cancelled);
    }

    private Milestone require(String milestoneId) {
        return find(milestoneId)
                .orElseThrow(() -> new NotFoundException("Milestone", milestoneId + " of project " + projectId));
    }

    private static void requirePlanned(Milestone milestone, String what) {
        if (milestone.status() != MilestoneStatus.PLANNED) {
            throw new RuleViolationException("Only a planned milestone can be " + what + "; \"" + milestone.title()
                    + "\" is " + milestone.status());
        }
    }

    private static void requireWithinBounds(LocalDate dueDate, ProjectDetails period) {
        if (!withinBounds(dueDate, period)) {
            throw new RuleViolationException(
                    "dueDate " + dueDate + " is too far from the project's period " + period.plannedStart() + " to "
                            + period.plannedEnd() + ": a milestone is due from " + earliest(period) + " to "
                            + latest(period),
                    "dueDate");
        }
    }

    private static boolean withinBounds(LocalDate dueDate, ProjectDetails period) {
        return !dueDate.isBefore(earliest(period)) && !dueDate.isAfter(latest(period));
    }

    private static LocalDate earliest(ProjectDetails period) {
        return period.plannedStart().minusDays(Project.DAYS_BEFORE_START);
    }

    private static LocalDate latest(ProjectDetails period) {
        return period.plannedEnd().plusDays(Project.DAYS_AFTER_END);
    }

    private void replace(Milestone milestone) {
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i).id().equals(milestone.id())) {
                milestones.set(i, milestone);
                return;
            }
        }
    }
}
