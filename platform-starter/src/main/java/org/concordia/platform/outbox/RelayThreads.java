package org.concordia.platform.outbox;

import java.util.concurrent.ThreadFactory;

/** The relay's threads: named for thread dumps, and daemons, so that none keeps a stopping service alive. */
final class RelayThreads {

    private RelayThreads() {}

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
