package org.concordia.notification.inbox;

import java.time.Instant;

/** A notification as the inbox lists it. */
public record InboxItem(
        String id,
        String type,
        String category,
        String title,
        String body,
        String reason,
        Instant createdAt,
        boolean read) {}
