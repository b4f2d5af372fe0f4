package org.concordia.notification.announcement.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.concordia.notification.announcement.model.Announcement;
import org.jspecify.annotations.Nullable;

/** An announcement as the API shows it; times in the author's zone, with the zone. */
record AnnouncementView(
        String id,
        String organizationId,
        String organizationName,
        String authorPersonId,
        String authorName,
        String status,
        List<TextView> texts,
        List<TargetView> targets,
        OffsetDateTime sendAt,
        String timeZone,
        @Nullable Instant sentAt,
        int revision,
        @Nullable String changeNote,
        long version) {

    record TextView(String language, String subject, String body) {}

    record TargetView(
            String kind,
            @Nullable String organizationId,
            @Nullable String projectId,
            @Nullable String meetingId,
            List<String> roles) {}

    static AnnouncementView of(Announcement announcement) {
        Announcement.State s = announcement.state();
        return new AnnouncementView(
                s.id(),
                s.organizationId(),
                s.organizationName(),
                s.authorPersonId(),
                s.authorName(),
                s.status().code(),
                s.texts().stream()
                        .map(t -> new TextView(t.language(), t.subject(), t.body()))
                        .toList(),
                s.targets().stream()
                        .map(t -> new TargetView(
                                t.kind().code(), t.organizationId(), t.projectId(), t.meetingId(), t.roles()))
                        .toList(),
                s.sendAt().atZone(ZoneId.of(s.timeZone())).toOffsetDateTime(),
                s.timeZone(),
                s.sentAt(),
                s.revision(),
                s.changeNote(),
                s.version() == null ? 0 : s.version());
    }
}
