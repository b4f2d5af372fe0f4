package org.concordia.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stops the children together and completely. Each is asked to stop (SIGTERM, so that Spring's graceful shutdown
 * finishes what is in flight), then, past the grace period, ended with whatever processes it started itself. A
 * launcher killed outright cannot do this; the services then end themselves (their parent-process watch).
 */
final class Supervisor {

    private final List<ServiceProcess> services;
    private final Status status;
    private volatile boolean stopping;

    Supervisor(List<ServiceProcess> services, Status status) {
        this.services = services;
        this.status = status;
    }

    void failIfAnyEnded() {
        for (ServiceProcess service : List.copyOf(services)) {
            if (!service.process().isAlive()) {
                throw new IllegalStateException(service.name() + " ended during startup (exit code "
                        + service.process().exitValue() + "); see " + service.log());
            }
        }
    }

    /** Blocks until one of the children ends; true when it ended because everything is being stopped. */
    boolean awaitAny() {
        CompletableFuture.anyOf(List.copyOf(services).stream()
                        .map(service -> service.process().onExit())
                        .toArray(CompletableFuture[]::new))
                .join();
        return stopping;
    }

    void stopAll(Duration grace) {
        stopping = true;
        List<ServiceProcess> running = List.copyOf(services).stream()
                .filter(s -> s.process().isAlive())
                .toList();
        // Taken before anything stops: a process whose parent ended is no longer its descendant.
        List<ProcessHandle> everything = running.stream()
                .flatMap(service -> Stream.concat(
                        Stream.of(service.process().toHandle()),
                        service.process().descendants()))
                .toList();
        running.forEach(service -> service.process().destroy());
        long deadline = System.nanoTime() + grace.toNanos();
        for (ServiceProcess service : running) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!service.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    status.warn(service.name() + " did not stop within " + grace.toSeconds() + " s; ending it");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        everything.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        everything.forEach(handle -> handle.onExit().join());
    }
}
