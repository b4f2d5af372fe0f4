package org.concordia.platform.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extends the lease of every claim this instance is sending for, every third of the lease, so that a large backlog
 * or a slow cluster never lets another instance take a claim over and send the same events again. Only a holder that
 * stopped renewing (crashed, or cut off from the store) loses its claims.
 */
final class LeaseRenewal {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final ClaimLedger ledger;
    private final Map<String, List<String>> held = new ConcurrentHashMap<>();

    LeaseRenewal(ClaimLedger ledger, Duration lease) {
        this.ledger = ledger;
        ScheduledExecutorService renewer =
                Executors.newSingleThreadScheduledExecutor(RelayThreads.named("outbox-lease"));
        long renewal = Math.max(1, lease.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renew, renewal, renewal, TimeUnit.MILLISECONDS);
    }

    /** Keeps the batch's claims renewed until {@link #release}. */
    void hold(String token, List<String> keys) {
        held.put(token, keys);
    }

    void release(String token) {
        held.remove(token);
    }

    private void renew() {
        for (Map.Entry<String, List<String>> batch : Map.copyOf(held).entrySet()) {
            try {
                long renewed = ledger.renew(batch.getKey(), batch.getValue());
                if (renewed < batch.getValue().size()) {
                    log.warn(
                            "Renewed {} of {} outbox claims; the others were taken over after their lease ran out",
                            renewed,
                            batch.getValue().size());
                }
            } catch (RuntimeException e) {
                log.warn("Cannot renew outbox claims: {}", e.toString());
            }
        }
    }
}
