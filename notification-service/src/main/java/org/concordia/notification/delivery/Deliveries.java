package org.concordia.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The deliveries' record and their work queue. */
public interface Deliveries {

    /** Records and queues the deliveries; one recorded before (same id) is left as it is. */
    void arrange(List<Delivery> deliveries);

    /** Claims one due delivery for {@code lease}, atomically, so that no other instance takes it meanwhile. */
    Optional<Delivery> claim(Instant now, Duration lease, String owner);

    Optional<Delivery> find(String id);

    void sent(String id, Instant at, int attempts);

    /** @param retryAt when to try again; null when it has failed for good */
    void failed(String id, int attempts, String error, Instant retryAt, boolean giveUp);

    List<Delivery> failures(int offset, int limit);

    long failureCount();

    /** Queues a failed delivery again, at once. @return false when there is no such failed delivery */
    boolean retry(String id, Instant now);
}
