package org.concordia.local;

import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for a service in the supervisor's tests: a process that starts a process of its own and then waits to be
 * stopped; with {@code stubborn}, it does not stop when asked.
 */
public final class Lingering {

    public static void main(String[] args) throws Exception {
        boolean stubborn = args.length > 0 && args[0].equals("stubborn");
        boolean child = args.length > 1 && args[1].equals("child");
        if (!child) {
            new ProcessBuilder(SupervisorTest.javaCommand("calm", "child"))
                    .inheritIO()
                    .start();
        }
        if (stubborn) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException ignored) {
                    // ended forcibly
                }
            }));
        }
        System.out.println("lingering");
        new CountDownLatch(1).await();
    }
}
