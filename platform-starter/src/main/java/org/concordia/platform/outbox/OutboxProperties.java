package org.concordia.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether this instance relays outboxes to Kafka
 * @param lease how long a claimed aggregate stays with the instance that claimed it; a crashed instance's claims
 *     are taken over after this
 * @param sweepInterval how often every outbox is swept for what the immediate path left behind
 * @param sendTimeout how long one publication may wait for Kafka's acknowledgement
 * @param initialBackoff first wait after a failed publication, doubled on each further failure
 * @param maxBackoff longest wait between attempts while Kafka is unavailable
 */
@ConfigurationProperties("concordia.outbox")
public record OutboxProperties(
        Boolean enabled,
        Duration lease,
        Duration sweepInterval,
        Duration sendTimeout,
        Duration initialBackoff,
        Duration maxBackoff) {

    public OutboxProperties {
        enabled = enabled == null || enabled;
        lease = lease != null ? lease : Duration.ofSeconds(30);
        sweepInterval = sweepInterval != null ? sweepInterval : Duration.ofSeconds(2);
        sendTimeout = sendTimeout != null ? sendTimeout : Duration.ofSeconds(15);
        initialBackoff = initialBackoff != null ? initialBackoff : Duration.ofMillis(500);
        maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofSeconds(30);
    }
}
