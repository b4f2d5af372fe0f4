package org.concordia.notification.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attempt-to-be on one channel.
 *
 * @param id {@code <notificationId>:email}, {@code <sourceId>:<organizationId>:webhook}, or
 *     {@code digest:<personId>:<epoch second it is due>}
 * @param subject the notification id (e-mail), the organization id (webhook) or the person id (digest)
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
    public static final String DIGEST = "digest";
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    public static Delivery email(String notificationId, Instant dueAt) {
        return new Delivery(notificationId + ":" + EMAIL, EMAIL, notificationId, null, PENDING, 0, null, dueAt, null);
    }

    /** One combined e-mail of everything a person's digest collected for {@code dueAt}. */
    public static Delivery digest(String personId, Instant dueAt) {
        return new Delivery(digestId(personId, dueAt), DIGEST, personId, null, PENDING, 0, null, dueAt, null);
    }

    public static String digestId(String personId, Instant dueAt) {
        return DIGEST + ":" + personId + ":" + dueAt.getEpochSecond();
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
