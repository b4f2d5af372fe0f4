package org.concordia.notification.inbox.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import org.bson.Document;
import org.concordia.notification.inbox.InboxItem;
import org.concordia.notification.inbox.Notification;
import org.concordia.notification.notice.Rendered;
import org.concordia.notification.notice.model.Invitation;
import org.jspecify.annotations.Nullable;

/** The stored forms of a notification, of the text it shares with others, and of an inbox item. */
final class NotificationDocuments {

    private NotificationDocuments() {}

    /**
     * A notification as stored: who, why and where, with its text by reference ({@code text}, the id of its
     * {@link #text text document}), since everyone of one language, zone and reason reads the same one.
     */
    static Document notification(Notification n, long bucket, String textId) {
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
                .append("text", textId)
                .append("inApp", n.inApp())
                .append("createdAt", Date.from(n.createdAt()))
                .append("bucket", bucket);
    }

    /**
     * The id of a text document: the source, then a digest of everything in it, so that one id always means one
     * content (a text is never changed, and may be kept in memory by its id).
     */
    static String textId(String sourceId, Rendered text, @Nullable Invitation invitation) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Object part :
                new Object[] {text.language(), text.title(), text.body(), text.reason(), text.html(), invitation}) {
            digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        byte[] hash = Arrays.copyOf(digest.digest(), 16);
        return sourceId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    /** A text as stored, shared by the notifications that read it: the rendered text and the calendar entry. */
    static Document text(String id, Rendered text, @Nullable Invitation invitation) {
        Document d = new Document("_id", id)
                .append("language", text.language())
                .append("title", text.title())
                .append("body", text.body())
                .append("reason", text.reason());
        if (text.html() != null) {
            d.append("html", text.html());
        }
        if (invitation != null) {
            d.append("invitation", invitation(invitation));
        }
        return d;
    }

    /**
     * @param text the notification's text document; the notification document itself when it holds its text (as
     *     stored before texts were shared)
     */
    static Notification notification(Document d, Document text) {
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
                        text.getString("language"),
                        text.getString("title"),
                        text.getString("body"),
                        text.getString("reason"),
                        text.getString("html")),
                invitation(text.get("invitation", Document.class)),
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
