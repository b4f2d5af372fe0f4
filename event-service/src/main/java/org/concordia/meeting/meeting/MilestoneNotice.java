package org.concordia.meeting.meeting;

import java.time.LocalDate;
import java.util.Optional;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.directory.KnownProject.KnownMilestone;
import org.concordia.meeting.meeting.model.Meeting;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How the meeting's project milestone stands in project-service, read from the project read model when the meeting
 * is shown, so that a milestone cancelled or moved there is visible on its meeting for the coordinator to act on.
 *
 * @param attention true when the milestone was cancelled, or now falls due on another day than the meeting's start
 */
public record MilestoneNotice(
        String milestoneId,
        @Nullable String title,
        String status,
        @Nullable LocalDate dueDate,
        @Nullable LocalDate previousDueDate,
        @Nullable String reason,
        boolean attention) {

    @Component
    public static class Lookup {

        private final Directory directory;

        Lookup(Directory directory) {
            this.directory = directory;
        }

        public Optional<MilestoneNotice> of(Meeting meeting) {
            if (meeting.projectId() == null || meeting.milestoneId() == null) {
                return Optional.empty();
            }
            return directory
                    .project(meeting.projectId())
                    .flatMap(p -> p.milestone(meeting.milestoneId()))
                    .map(m -> notice(meeting, m));
        }

        private static MilestoneNotice notice(Meeting meeting, KnownMilestone m) {
            LocalDate meetingDay =
                    meeting.timing().start().atZone(meeting.timing().zone()).toLocalDate();
            boolean moved = m.previousDueDate() != null
                    && m.dueDate() != null
                    && !m.dueDate().equals(meetingDay);
            return new MilestoneNotice(
                    m.id(),
                    m.title(),
                    m.status(),
                    m.dueDate(),
                    m.previousDueDate(),
                    m.reason(),
                    "cancelled".equals(m.status()) || moved);
        }
    }
}
