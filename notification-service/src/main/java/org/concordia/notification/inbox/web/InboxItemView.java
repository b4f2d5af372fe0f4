package org.concordia.notification.inbox.web;

import java.time.Instant;
import org.concordia.notification.inbox.InboxItem;

/** A notification in the inbox; {@code reason} says why the person gets it. */
public record InboxItemView(
        String id,
        String type,
        String category,
        String title,
        String body,
        String reason,
        Instant createdAt,
        boolean read) {

    static InboxItemView of(InboxItem i) {
        return new InboxItemView(
                i.id(), i.type(), i.category(), i.title(), i.body(), i.reason(), i.createdAt(), i.read());
    }
}
