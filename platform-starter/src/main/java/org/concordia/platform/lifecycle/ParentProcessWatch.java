package org.concordia.platform.lifecycle;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Ends the service when the process that started it ends, however it ended. A launcher that is killed outright
 * (SIGKILL, a closed terminal) cannot stop its children itself; without this they would keep running, holding their
 * ports, with nobody to stop them.
 */
public class ParentProcessWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatch.class);

    private final long parentPid;
    private final Runnable stopService;
    private volatile boolean running;

    /** @param stopService what ends the service; it runs at most once, on a thread of its own */
    public ParentProcessWatch(long parentPid, Runnable stopService) {
        this.parentPid = parentPid;
        this.stopService = stopService;
    }

    @Override
    public void start() {
        running = true;
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty()) {
            stop(parentPid);
            return;
        }
        parent.get().onExit().thenRun(() -> stop(parentPid));
    }

    private void stop(long pid) {
        if (!running) {
            return;
        }
        running = false;
        log.warn("The launching process {} ended; stopping", pid);
        new Thread(stopService, "parent-process-watch").start();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
