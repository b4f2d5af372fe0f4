package org.concordia.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread of the benchmark JVM that sleeps a millisecond at a time and notes every wake-up more than 10 ms late: the
 * pauses that every measurement of the same moments goes through, whatever it measures (the benchmark JVM's own
 * collector, which holds the store, and anything that stops the machine: other processes, the kernel). A sequential
 * loop of reads loses one read to each pause, so their rhythm and length, printed beside the reads, say how much of a
 * 99th percentile is the machine's.
 */
final class Stalls implements AutoCloseable {

    private static final long SLEEP = 1_000_000;
    private static final long LATE = 10_000_000;

    private final List<Long> late = new ArrayList<>();
    private final Thread thread;
    private final long started = System.nanoTime();
    private long stopped;
    private volatile boolean watching = true;

    private Stalls() {
        thread = new Thread(this::note, "stall-watch");
        thread.setDaemon(true);
        thread.start();
    }

    static Stalls watch() {
        return new Stalls();
    }

    private void note() {
        while (watching) {
            long before = System.nanoTime();
            LockSupport.parkNanos(SLEEP);
            long overslept = System.nanoTime() - before - SLEEP;
            if (overslept > LATE) {
                synchronized (late) {
                    late.add(overslept);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        thread.join();
        stopped = System.nanoTime();
    }

    /** How many pauses, how often, how long: for the summary. */
    String summary() {
        List<Long> pauses;
        synchronized (late) {
            pauses = new ArrayList<>(late);
        }
        double seconds = (stopped - started) / 1e9;
        if (pauses.isEmpty()) {
            return String.format("none over 10 ms in %.0f s", seconds);
        }
        pauses.sort(null);
        long total = pauses.stream().mapToLong(Long::longValue).sum();
        return String.format(
                "%d over 10 ms in %.0f s (one every %.2f s), median %.0f ms, longest %.0f ms, %.1f%% of the time",
                pauses.size(),
                seconds,
                seconds / pauses.size(),
                pauses.get(pauses.size() / 2) / 1e6,
                pauses.get(pauses.size() - 1) / 1e6,
                100 * total / 1e9 / seconds);
    }

    /**
     * The state of the kernel's DAMON reclaimers ({@code kdamond}), when the machine has any: on this development
     * machine the host runs one that stops the whole machine for tens of milliseconds about twice a second while the
     * JVMs hold gigabytes, which every tail latency of the run includes.
     */
    static String reclaimers() {
        Path admin = Path.of("/sys/kernel/mm/damon/admin/kdamonds");
        if (!Files.isDirectory(admin)) {
            return "none";
        }
        List<String> states = new ArrayList<>();
        try (DirectoryStream<Path> kdamonds = Files.newDirectoryStream(admin, "[0-9]*")) {
            for (Path kdamond : kdamonds) {
                states.add("kdamond " + kdamond.getFileName() + " "
                        + Files.readString(kdamond.resolve("state")).strip());
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return states.isEmpty() ? "none" : String.join(", ", states);
    }
}
