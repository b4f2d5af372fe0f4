package org.concordia.notification.announcement.persistence;

import java.time.Instant;
import java.util.List;
import org.concordia.notification.announcement.model.Announcement;
import org.concordia.notification.announcement.model.Status;
import org.concordia.notification.announcement.model.Target;
import org.concordia.notification.announcement.model.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An announcement as stored; its pending events live beside these fields in {@code _outbox}, and the sender's lease
 * in {@code _lease}, both outside the mapped state so that writes through the AggregateStore leave them alone.
 */
@Document(AnnouncementDocument.COLLECTION)
class AnnouncementDocument {

    static final String COLLECTION = "announcements";

    @Id
    String id;

    @Version
    @Nullable
    Long version;

    String organizationId;
    String organizationName;
    List<String> organizationLanguages;
    String authorPersonId;
    String authorName;
    List<TextEntry> texts;
    List<TargetEntry> targets;
    String status;
    Instant sendAt;
    String timeZone;
    Instant createdAt;

    @Nullable
    Instant sentAt;

    int revision;

    @Nullable
    String changeNote;

    record TextEntry(String language, String subject, String body) {}

    record TargetEntry(
            String kind,
            @Nullable String organizationId,
            @Nullable String projectId,
            @Nullable String meetingId,
            List<String> roles) {}

    static AnnouncementDocument of(Announcement announcement) {
        Announcement.State s = announcement.state();
        AnnouncementDocument d = new AnnouncementDocument();
        d.id = s.id();
        d.version = s.version();
        d.organizationId = s.organizationId();
        d.organizationName = s.organizationName();
        d.organizationLanguages = s.organizationLanguages();
        d.authorPersonId = s.authorPersonId();
        d.authorName = s.authorName();
        d.texts = s.texts().stream()
                .map(t -> new TextEntry(t.language(), t.subject(), t.body()))
                .toList();
        d.targets = s.targets().stream()
                .map(t -> new TargetEntry(t.kind().code(), t.organizationId(), t.projectId(), t.meetingId(), t.roles()))
                .toList();
        d.status = s.status().code();
        d.sendAt = s.sendAt();
        d.timeZone = s.timeZone();
        d.createdAt = s.createdAt();
        d.sentAt = s.sentAt();
        d.revision = s.revision();
        d.changeNote = s.changeNote();
        return d;
    }

    Announcement toModel() {
        return Announcement.restore(new Announcement.State(
                id,
                organizationId,
                organizationName,
                organizationLanguages == null ? List.of() : organizationLanguages,
                authorPersonId,
                authorName,
                texts.stream()
                        .map(t -> new Text(t.language(), t.subject(), t.body()))
                        .toList(),
                targets.stream()
                        .map(t -> new Target(
                                Target.Kind.of(t.kind()),
                                t.organizationId(),
                                t.projectId(),
                                t.meetingId(),
                                t.roles() == null ? List.of() : t.roles()))
                        .toList(),
                Status.of(status),
                sendAt,
                timeZone,
                createdAt,
                sentAt,
                revision,
                changeNote,
                version));
    }
}
