package org.concordia.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sends what is due: claims one delivery at a time with a lease (so several instances never send the same one
 * at once), hands it to its channel, and records the outcome; a failure is retried with exponential backoff and
 * given up after {@code max-attempts}, which operators see and can retry.
 */
@Service
public class Delivering {

    private static final Logger log = LoggerFactory.getLogger(Delivering.class);

    private final Deliveries deliveries;
    private final Map<String, Channel> channels;
    private final Clock clock;
    private final String owner = "delivering-" + UUID.randomUUID();
    private final Duration lease;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final int maxAttempts;
    private final int perRound;
    private final MeterRegistry meters;

    Delivering(
            Deliveries deliveries,
            List<Channel> channels,
            Clock clock,
            MeterRegistry meters,
            @Value("${concordia.notification.delivery.lease:PT1M}") Duration lease,
            @Value("${concordia.notification.delivery.backoff:PT10S}") Duration backoff,
            @Value("${concordia.notification.delivery.max-backoff:PT1H}") Duration maxBackoff,
            @Value("${concordia.notification.delivery.max-attempts:6}") int maxAttempts,
            @Value("${concordia.notification.delivery.per-round:500}") int perRound) {
        this.deliveries = deliveries;
        this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.clock = clock;
        this.lease = lease;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.maxAttempts = maxAttempts;
        this.perRound = perRound;
        this.meters = meters;
    }

    @Scheduled(
            fixedDelayString = "${concordia.notification.delivery.poll-millis:500}",
            initialDelayString = "${concordia.notification.delivery.poll-millis:500}")
    void deliverDue() {
        try {
            deliverDue(perRound);
        } catch (RuntimeException e) {
            log.warn("Delivery round stopped: {}", e.toString());
        }
    }

    /** @return how many deliveries were attempted */
    public int deliverDue(int limit) {
        int attempted = 0;
        while (attempted < limit) {
            Optional<Delivery> claimed = deliveries.claim(clock.instant(), lease, owner);
            if (claimed.isEmpty()) {
                break;
            }
            attempt(claimed.get());
            attempted++;
        }
        return attempted;
    }

    private void attempt(Delivery delivery) {
        int attempts = delivery.attempts() + 1;
        Channel channel = channels.get(delivery.channel());
        try {
            if (channel == null) {
                throw new Channel.Undeliverable("No channel " + delivery.channel(), true, null);
            }
            channel.send(delivery);
            deliveries.sent(delivery.id(), clock.instant(), attempts);
            count(delivery, "sent");
        } catch (Channel.Undeliverable e) {
            boolean giveUp = e.permanent() || attempts >= maxAttempts;
            Instant retryAt = clock.instant().plus(backoff(attempts));
            log.info(
                    "Delivery {} failed (attempt {}{}): {}",
                    delivery.id(),
                    attempts,
                    giveUp ? ", given up" : "",
                    e.getMessage());
            deliveries.failed(delivery.id(), attempts, e.getMessage(), retryAt, giveUp);
            count(delivery, giveUp ? "failed" : "retrying");
        }
    }

    /** {@code concordia_notifications_deliveries_total{channel, outcome}}: sent, retrying (will be tried again), failed. */
    private void count(Delivery delivery, String outcome) {
        Counter.builder("concordia.notifications.deliveries")
                .description("Delivery attempts per channel and outcome")
                .tag("channel", delivery.channel())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    private Duration backoff(int attempts) {
        Duration wait = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
