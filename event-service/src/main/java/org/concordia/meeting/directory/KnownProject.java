package org.concordia.meeting.directory;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A project as project-events described it: its lead, its partners' statuses and its milestones.
 *
 * @param partnerStatuses partner organization id to invited, accepted, declined or withdrawn
 */
public record KnownProject(
        String id,
        @Nullable String title,
        @Nullable String leadOrganizationId,
        @Nullable String status,
        Map<String, String> partnerStatuses,
        Map<String, KnownMilestone> milestones) {

    /** The lead and the partners that accepted: the organizations taking part. */
    public boolean takesPart(String organizationId) {
        return organizationId.equals(leadOrganizationId) || "accepted".equals(partnerStatuses.get(organizationId));
    }

    public Optional<KnownMilestone> milestone(String milestoneId) {
        return Optional.ofNullable(milestones.get(milestoneId));
    }

    /**
     * @param status planned, completed or cancelled
     * @param previousDueDate the due date before its last rescheduling, if it was rescheduled
     */
    public record KnownMilestone(
            String id,
            @Nullable String title,
            @Nullable String kind,
            @Nullable LocalDate dueDate,
            @Nullable LocalDate previousDueDate,
            String status,
            @Nullable String reason) {}
}
