package org.concordia.platform.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps every aggregate collection at a fixed interval and publishes what it finds: what a crash between write and
 * publish, a Kafka outage or an instance that died holding claims left behind. On its own it drives the relay; beside
 * a change stream it is the slower safety net.
 */
final class PollingDriver implements RelayDriver {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final Runnable sweep;
    private final Duration interval;
    private ScheduledExecutorService sweeper;

    PollingDriver(Runnable sweep, Duration interval) {
        this.sweep = sweep;
        this.interval = interval;
    }

    @Override
    public void start() {
        sweeper = Executors.newSingleThreadScheduledExecutor(RelayThreads.named("outbox-sweep"));
        long millis = interval.toMillis();
        sweeper.scheduleWithFixedDelay(this::safeSweep, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void safeSweep() {
        try {
            sweep.run();
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    Duration interval() {
        return interval;
    }
}
