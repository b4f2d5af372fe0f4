package org.concordia.notification.delivery;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One attempt-to-be on one channel.
 *
 * @param id {@code <notificationId>:email}, {@code <sourceId>:<organizationId>:webhook}, or
 *     {@code digest:<personId>:<epoch second it is due>}
 * @param subject the notification id (e-mail), the organization id (webhook) or the person id (digest)
 * @param payload what a webhook POSTs (JSON); absent for e-mail, which is built from the notification
 * @param status pending, sent, failed, or skipped (never to be sent: an e-mail to a person without an address)
 * @param trace the trace of the work that arranged it ({@code traceparent}, {@code tracestate}, {@code baggage}),
 *     continued when it is sent; empty without one
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
        @Nullable Instant sentAt,
        Map<String, String> trace) {

    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";
    public static final String DIGEST = "digest";
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    /** Why an e-mail was not arranged for a person without an address. */
    public static final String NO_ADDRESS = "The person has no e-mail address";

    public Delivery {
        trace = Map.copyOf(trace);
    }

    public static Delivery email(String notificationId, Instant dueAt) {
        return new Delivery(
                notificationId + ":" + EMAIL, EMAIL, notificationId, null, PENDING, 0, null, dueAt, null, Map.of());
    }

    /** Whether an e-mail can be arranged to this address at all. */
    public static boolean addressed(@Nullable String email) {
        return email != null && !email.isBlank();
    }

    /**
     * The e-mail of a notification whose person has no address: recorded as {@link #SKIPPED} with the reason, never
     * queued, so its state says why nothing was sent.
     */
    public static Delivery unaddressed(String notificationId, Instant at) {
        return new Delivery(
                notificationId + ":" + EMAIL, EMAIL, notificationId, null, SKIPPED, 0, NO_ADDRESS, at, null, Map.of());
    }

    /** One combined e-mail of everything a person's digest collected for {@code dueAt}. */
    public static Delivery digest(String personId, Instant dueAt) {
        return new Delivery(digestId(personId, dueAt), DIGEST, personId, null, PENDING, 0, null, dueAt, null, Map.of());
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
                null,
                Map.of());
    }

    /** The trace id its {@code traceparent} names; null without one. */
    public @Nullable String traceId() {
        String parent = trace.get("traceparent");
        if (parent == null) {
            return null;
        }
        String[] parts = parent.split("-");
        return parts.length >= 3 ? parts[1] : null;
    }
}
