package org.concordia.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The deliveries' record and their work queue. */
public interface Deliveries {

    /**
     * Records and queues the deliveries, with the trace being handled now (continued when they are sent); one
     * recorded before (same id) is left as it is. A delivery that is not {@link Delivery#PENDING} (an e-mail
     * {@link Delivery#SKIPPED} for want of an address) is only recorded, never queued.
     */
    void arrange(List<Delivery> deliveries);

    /**
     * Claims up to {@code limit} due deliveries for {@code lease}, atomically, in a few round trips whatever the
     * limit, so that no other instance takes them meanwhile. A delivery whose previous attempt was interrupted while
     * sending (its instance died after {@link #sending} and before {@link #settle}) is not handed out again, since it
     * may have gone out: it comes back in {@link Claim#interrupted()} to be given up.
     */
    Claim claim(Instant now, Duration lease, String owner, int limit);

    /** Marks claimed deliveries as being sent now: from here on, an interruption may have sent them. */
    void sending(List<Delivery> claimed, Instant now);

    /** Records the outcomes of claimed deliveries, in bulk, and releases their claims. */
    void settle(List<Outcome> outcomes);

    Optional<Delivery> find(String id);

    List<Delivery> failures(int offset, int limit);

    long failureCount();

    /** Queues a failed delivery again, at once. @return false when there is no such failed delivery */
    boolean retry(String id, Instant now);

    /**
     * @param due to be sent now
     * @param interrupted whose last attempt stopped while sending; to be given up, not repeated
     */
    record Claim(List<Delivery> due, List<Delivery> interrupted) {

        public boolean isEmpty() {
            return due.isEmpty() && interrupted.isEmpty();
        }
    }

    /**
     * What became of one claimed delivery.
     *
     * @param status {@link Delivery#SENT}, {@link Delivery#PENDING} (to be retried at {@code retryAt}) or
     *     {@link Delivery#FAILED} (given up)
     */
    record Outcome(
            Delivery delivery,
            String status,
            int attempts,
            @Nullable String lastError,
            Instant at,
            @Nullable Instant retryAt) {

        public static Outcome sent(Delivery delivery, int attempts, Instant at) {
            return new Outcome(delivery, Delivery.SENT, attempts, null, at, null);
        }

        public static Outcome retry(Delivery delivery, int attempts, String error, Instant at, Instant retryAt) {
            return new Outcome(delivery, Delivery.PENDING, attempts, error, at, retryAt);
        }

        public static Outcome givenUp(Delivery delivery, int attempts, String error, Instant at) {
            return new Outcome(delivery, Delivery.FAILED, attempts, error, at, null);
        }
    }
}
