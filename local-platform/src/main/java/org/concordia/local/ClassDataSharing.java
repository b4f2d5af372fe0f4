package org.concordia.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Faster starts with less work per start: each service's jar is extracted once (Spring Boot's {@code jarmode=tools
 * extract}: the application jar with its libraries beside it, which the JVM can share), and a training run of the
 * service, ended as soon as its context is refreshed, leaves a dynamic class data sharing archive of every class it
 * loaded. Later starts map the archive instead of finding, reading and verifying those classes again.
 *
 * <p>Kept in {@code <data>/cds/<module>/}, made again when the jar or the JDK changes (a stamp records both). Anything
 * that goes wrong here only costs speed: the service is then started from its jar as before, and a JVM that cannot
 * use an archive starts without it.
 */
final class ClassDataSharing {

    private static final long TRAINING_LIMIT_MINUTES = 15;

    private final Path folder;
    private final Path logs;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean aborted;

    ClassDataSharing(Path folder, Path logs) {
        this.folder = folder;
        this.logs = logs;
    }

    /** Whether the service has no usable archive for its current jar yet (preparing it takes one extra start). */
    boolean stale(PlatformService service, Path jar) {
        Path directory = folder.resolve(service.module());
        try {
            return !Files.isRegularFile(directory.resolve(archiveName(service)))
                    || !Files.isRegularFile(directory.resolve("stamp"))
                    || !Files.readString(directory.resolve("stamp")).equals(stamp(jar));
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Extracts the jar and runs the training start with the service's real arguments; false when that failed (the
     * reason is in {@code logs/<module>.cds.log}).
     */
    boolean prepare(PlatformService service, Path jar, List<String> jvmOptions, List<String> arguments) {
        Path directory = folder.resolve(service.module());
        Path log = logs.resolve(service.module() + ".cds.log");
        try {
            LocalPlatform.delete(directory);
            Files.createDirectories(directory);
            Files.deleteIfExists(log);
            List<String> extract =
                    List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", "app");
            if (!run(extract, directory, log) || !Files.isRegularFile(application(service))) {
                return false;
            }
            Path training = directory.resolve(archiveName(service) + ".training");
            List<String> command = new ArrayList<>();
            command.add(java());
            command.addAll(jvmOptions);
            command.add("-XX:ArchiveClassesAtExit=" + training);
            // Spring ends the run once the context is refreshed: every bean is made, nothing is started.
            command.add("-Dspring.context.exit=onRefresh");
            command.add("-jar");
            command.add(application(service).toString());
            command.addAll(arguments);
            if (!run(command, directory, log) || !Files.isRegularFile(training) || Files.size(training) == 0) {
                return false;
            }
            Files.move(training, directory.resolve(archiveName(service)), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(directory.resolve("stamp"), stamp(jar));
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * How to start the service: from its extracted jar with its archive when both match the jar, else from the jar.
     */
    List<String> launch(PlatformService service, Path jar) {
        if (stale(service, jar) || !Files.isRegularFile(application(service))) {
            return List.of("-jar", jar.toString());
        }
        Path archive = folder.resolve(service.module()).resolve(archiveName(service));
        return List.of(
                "-XX:SharedArchiveFile=" + archive,
                // a JVM that cannot map the archive (another JDK, a moved folder) starts without it, quietly
                "-Xshare:auto",
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off",
                "-jar",
                application(service).toString());
    }

    /** Ends the training runs still going (the platform is being stopped). */
    void abort() {
        aborted = true;
        running.forEach(Process::destroyForcibly);
    }

    boolean aborted() {
        return aborted;
    }

    private boolean run(List<String> command, Path directory, Path log) throws IOException, InterruptedException {
        if (aborted) {
            return false;
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(ServiceProcess.nullDevice()));
        builder.environment().putAll(ServiceProcess.ENVIRONMENT);
        Process process = builder.start();
        running.add(process);
        try {
            if (!process.waitFor(TRAINING_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                return false;
            }
            // A run ended by spring.context.exit ends with the refresh's abandonment; its archive is what counts.
            return !aborted;
        } finally {
            running.remove(process);
        }
    }

    private Path application(PlatformService service) {
        return folder.resolve(service.module()).resolve("app").resolve(service.module() + ".jar");
    }

    private static String archiveName(PlatformService service) {
        return service.module() + ".jsa";
    }

    static String stamp(Path jar) throws IOException {
        return String.join(
                "\n",
                jar.toAbsolutePath().toString(),
                Long.toString(Files.size(jar)),
                Long.toString(Files.getLastModifiedTime(jar).toMillis()),
                System.getProperty("java.home"),
                System.getProperty("java.vm.version"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
