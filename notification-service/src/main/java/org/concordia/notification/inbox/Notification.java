package org.concordia.notification.inbox;

import java.time.Instant;
import org.concordia.notification.notice.Rendered;
import org.concordia.notification.notice.model.Invitation;
import org.jspecify.annotations.Nullable;

/**
 * One person's notification, rendered, with what its channels need.
 *
 * @param id {@code <sourceId>:<personId>:<purpose>}, the same however often the source is processed
 * @param inApp whether it goes into the person's inbox (their preferences may say no)
 */
public record Notification(
        String id,
        String sourceId,
        String type,
        String purpose,
        String category,
        boolean transactional,
        String personId,
        String name,
        String email,
        String zone,
        Rendered text,
        @Nullable Invitation invitation,
        boolean inApp,
        Instant createdAt) {}
