package org.concordia.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.concordia.platform.inbox.ConsumerTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sends what is due, a batch at a time: claims up to {@code batch-size} deliveries in a few store round trips with a
 * lease (so several instances never send the same one at once), marks them as being sent, hands each channel its
 * share (e-mail goes over one SMTP connection per batch), and records the outcomes in bulk. A failure is retried with
 * exponential backoff and given up after {@code max-attempts}, which operators see and can retry. At most once: a
 * delivery whose instance died while sending it is given up as interrupted (it may have gone out), not sent again.
 * Each delivery is sent within the trace of the work that arranged it.
 */
@Service
public class Delivering {

    /** The last error of a delivery whose sending was interrupted. */
    public static final String INTERRUPTED =
            "Interrupted while sending (the instance stopped); it may have been delivered, so it is not sent again";

    private static final Logger log = LoggerFactory.getLogger(Delivering.class);

    private final Deliveries deliveries;
    private final Map<String, Channel> channels;
    private final Clock clock;
    private final ConsumerTracing tracing;
    private final String owner = "delivering-" + UUID.randomUUID();
    private final Duration lease;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final int maxAttempts;
    private final int perRound;
    private final int batchSize;
    private final MeterRegistry meters;

    Delivering(
            Deliveries deliveries,
            List<Channel> channels,
            Clock clock,
            MeterRegistry meters,
            ConsumerTracing tracing,
            @Value("${concordia.notification.delivery.lease:PT1M}") Duration lease,
            @Value("${concordia.notification.delivery.backoff:PT10S}") Duration backoff,
            @Value("${concordia.notification.delivery.max-backoff:PT1H}") Duration maxBackoff,
            @Value("${concordia.notification.delivery.max-attempts:6}") int maxAttempts,
            @Value("${concordia.notification.delivery.per-round:2000}") int perRound,
            @Value("${concordia.notification.delivery.batch-size:100}") int batchSize) {
        this.deliveries = deliveries;
        this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.clock = clock;
        this.tracing = tracing;
        this.lease = lease;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.maxAttempts = maxAttempts;
        this.perRound = perRound;
        this.batchSize = batchSize;
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

    /** @return how many deliveries were attempted (or given up as interrupted) */
    public int deliverDue(int limit) {
        int attempted = 0;
        while (attempted < limit) {
            Deliveries.Claim claim =
                    deliveries.claim(clock.instant(), lease, owner, Math.min(batchSize, limit - attempted));
            if (claim.isEmpty()) {
                break;
            }
            List<Deliveries.Outcome> outcomes = new ArrayList<>();
            for (Delivery interrupted : claim.interrupted()) {
                log.warn("Delivery {} given up: {}", interrupted.id(), INTERRUPTED);
                outcomes.add(Deliveries.Outcome.givenUp(
                        interrupted, interrupted.attempts() + 1, INTERRUPTED, clock.instant()));
                count(interrupted, "failed");
            }
            if (!claim.due().isEmpty()) {
                deliveries.sending(claim.due(), clock.instant());
                outcomes.addAll(send(claim.due()));
            }
            deliveries.settle(outcomes);
            attempted += claim.due().size() + claim.interrupted().size();
        }
        return attempted;
    }

    /**
     * Each channel's share in one go (one SMTP connection for the e-mails of the batch); the outcomes are recorded and
     * logged trace by trace, within the trace of the work that arranged them, so that every send is logged under its
     * request's trace id. A share of one trace (a fan-out's batch) is also sent within it.
     */
    private List<Deliveries.Outcome> send(List<Delivery> claimed) {
        Map<String, List<Delivery>> byChannel = new LinkedHashMap<>();
        for (Delivery d : claimed) {
            byChannel.computeIfAbsent(d.channel(), k -> new ArrayList<>()).add(d);
        }
        List<Deliveries.Outcome> outcomes = new ArrayList<>(claimed.size());
        byChannel.forEach((name, share) -> {
            Map<Map<String, String>, List<Delivery>> byTrace = new LinkedHashMap<>();
            for (Delivery d : share) {
                byTrace.computeIfAbsent(d.trace(), k -> new ArrayList<>()).add(d);
            }
            if (byTrace.size() == 1) {
                tracing.within(
                        "deliver " + name,
                        share.get(0).trace(),
                        () -> outcomes.addAll(outcomes(name, share, sendAll(name, share))));
                return;
            }
            Map<String, Channel.Undeliverable> failures = sendAll(name, share);
            byTrace.forEach((trace, traced) ->
                    tracing.within("deliver " + name, trace, () -> outcomes.addAll(outcomes(name, traced, failures))));
        });
        return outcomes;
    }

    private Map<String, Channel.Undeliverable> sendAll(String name, List<Delivery> share) {
        Channel channel = channels.get(name);
        Map<String, Channel.Undeliverable> failures = new LinkedHashMap<>();
        if (channel == null) {
            for (Delivery d : share) {
                failures.put(d.id(), new Channel.Undeliverable("No channel " + name, true, null));
            }
            return failures;
        }
        try {
            return channel.sendAll(share);
        } catch (RuntimeException e) {
            // a channel that broke down as a whole: none of the share is known to be sent
            for (Delivery d : share) {
                failures.put(d.id(), new Channel.Undeliverable(e.toString(), false, e));
            }
            return failures;
        }
    }

    private List<Deliveries.Outcome> outcomes(
            String name, List<Delivery> group, Map<String, Channel.Undeliverable> failures) {
        Instant now = clock.instant();
        List<Deliveries.Outcome> outcomes = new ArrayList<>(group.size());
        int sent = 0;
        for (Delivery delivery : group) {
            int attempts = delivery.attempts() + 1;
            Channel.Undeliverable failure = failures.get(delivery.id());
            if (failure == null) {
                outcomes.add(Deliveries.Outcome.sent(delivery, attempts, now));
                count(delivery, "sent");
                sent++;
                log.debug("Sent {} {}", name, delivery.id());
                continue;
            }
            boolean giveUp = failure.permanent() || attempts >= maxAttempts;
            String error = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            log.info(
                    "Delivery {} failed (attempt {}{}): {}",
                    delivery.id(),
                    attempts,
                    giveUp ? ", given up" : "",
                    error);
            outcomes.add(
                    giveUp
                            ? Deliveries.Outcome.givenUp(delivery, attempts, error, now)
                            : Deliveries.Outcome.retry(delivery, attempts, error, now, now.plus(backoff(attempts))));
            count(delivery, giveUp ? "failed" : "retrying");
        }
        if (sent > 0) {
            log.info(
                    "Sent by {}: {}{}, the first {}",
                    name,
                    sent == 1 ? "1 delivery" : sent + " deliveries",
                    group.size() > sent ? " (" + (group.size() - sent) + " failed)" : "",
                    group.get(0).id());
        }
        return outcomes;
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
