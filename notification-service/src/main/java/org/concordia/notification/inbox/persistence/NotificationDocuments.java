package org.concordia.notification.inbox.persistence;

import java.util.Date;
import org.bson.Document;
import org.concordia.notification.inbox.InboxItem;
import org.concordia.notification.inbox.Notification;
import org.concordia.notification.notice.Rendered;
import org.concordia.notification.notice.model.Invitation;
import org.jspecify.annotations.Nullable;

/** The stored forms of a notification and of an inbox item. */
final class NotificationDocuments {

    private NotificationDocuments() {}

    static Document notification(Notification n, long bucket) {
        return new Document("_id", n.id())
                .append("sourceId", n.sourceId())
                .append("type", n.type())
                .append("purpose", n.purpose())
                .append("category", n.category())
                .append("transactional", n.transactional())
                .append("personId", n.personId())
                .append("name", n.name())
                .append("email", n.email())
                .append("zone", n.zone())
                .append("language", n.text().language())
                .append("title", n.text().title())
                .append("body", n.text().body())
                .append("reason", n.text().reason())
                .append("html", n.text().html())
                .append("invitation", invitation(n.invitation()))
                .append("inApp", n.inApp())
                .append("createdAt", Date.from(n.createdAt()))
                .append("bucket", bucket)
                .append("arranged", false);
    }

    static Notification notification(Document d) {
        return new Notification(
                d.getString("_id"),
                d.getString("sourceId"),
                d.getString("type"),
                d.getString("purpose"),
                d.getString("category"),
                d.getBoolean("transactional", false),
                d.getString("personId"),
                d.getString("name"),
                d.getString("email"),
                d.getString("zone"),
                new Rendered(
                        d.getString("language"),
                        d.getString("title"),
                        d.getString("body"),
                        d.getString("reason"),
                        d.getString("html")),
                invitation(d.get("invitation", Document.class)),
                d.getBoolean("inApp", true),
                d.getDate("createdAt").toInstant());
    }

    static Document item(Notification n) {
        return new Document("id", n.id())
                .append("type", n.type())
                .append("category", n.category())
                .append("title", n.text().title())
                .append("body", n.text().body())
                .append("reason", n.text().reason())
                .append("at", Date.from(n.createdAt()))
                .append("read", false);
    }

    static InboxItem item(Document d) {
        return new InboxItem(
                d.getString("id"),
                d.getString("type"),
                d.getString("category"),
                d.getString("title"),
                d.getString("body"),
                d.getString("reason"),
                d.getDate("at").toInstant(),
                d.getBoolean("read", false));
    }

    private static @Nullable Document invitation(@Nullable Invitation i) {
        if (i == null) {
            return null;
        }
        return new Document("meetingId", i.meetingId())
                .append("sequence", i.sequence())
                .append("cancelled", i.cancelled())
                .append("title", i.title())
                .append("start", Date.from(i.start()))
                .append("end", Date.from(i.end()))
                .append("timeZone", i.timeZone())
                .append("location", i.location())
                .append("organizerName", i.organizerName())
                .append("organizerEmail", i.organizerEmail())
                .append("recurrenceId", i.recurrenceId() == null ? null : Date.from(i.recurrenceId()))
                .append("rrule", i.rrule());
    }

    private static @Nullable Invitation invitation(@Nullable Document d) {
        if (d == null) {
            return null;
        }
        Date recurrence = d.getDate("recurrenceId");
        return new Invitation(
                d.getString("meetingId"),
                d.getInteger("sequence", 0),
                d.getBoolean("cancelled", false),
                d.getString("title"),
                d.getDate("start").toInstant(),
                d.getDate("end").toInstant(),
                d.getString("timeZone"),
                d.getString("location"),
                d.getString("organizerName"),
                d.getString("organizerEmail"),
                recurrence == null ? null : recurrence.toInstant(),
                d.getString("rrule"));
    }
}
