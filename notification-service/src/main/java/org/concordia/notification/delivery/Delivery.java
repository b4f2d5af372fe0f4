package org.concordia.notification.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attempt-to-be on one channel.
 *
 * @param id {@code <notificationId>:email}, or {@code <sourceId>:<organizationId>:webhook}
 * @param subject the notification id (e-mail) or the organization id (webhook)
 * @param payload what a webhook POSTs (JSON); absent for e-mail, which is built from the notification
 * @param status pending, sent or failed
 */
public record Delivery(
        String id,
        String channel,
        String subject,
        @Nullable String payload,
        String status,
        int attempts,
        @Nullable String lastError,
        Instant dueAt,
        @Nullable Instant sentAt) {

    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    public static Delivery email(String notificationId, Instant dueAt) {
        return new Delivery(notificationId + ":" + EMAIL, EMAIL, notificationId, null, PENDING, 0, null, dueAt, null);
    }

    public static Delivery webhook(String sourceId, String organizationId, String payload, Instant dueAt) {
        return new Delivery(
                sourceId + ":" + organizationId + ":" + WEBHOOK,
                WEBHOOK,
                organizationId,
                payload,
                PENDING,
                0,
                null,
                dueAt,
                null);
    }
}
