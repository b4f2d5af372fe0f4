package org.concordia.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A service of the platform as the local platform starts it: its module, its port and the page to open first. */
record PlatformService(String module, int defaultPort, String landing) {

    /** In the order the summary lists them: where a person starts first. */
    static final List<PlatformService> ALL = List.of(
            new PlatformService("console", 8080, "/"),
            new PlatformService("identity-service", 9000, "/.well-known/openid-configuration"),
            new PlatformService("organization-service", 8081, "/swagger-ui.html"),
            new PlatformService("project-service", 8082, "/swagger-ui.html"),
            new PlatformService("event-service", 8083, "/swagger-ui.html"),
            new PlatformService("notification-service", 8084, "/swagger-ui.html"));

    /** The services this checkout has; each must have been built. */
    static List<PlatformService> available(Path home) {
        return ALL.stream()
                .filter(service ->
                        Files.isDirectory(home.resolve(service.module()).resolve("src")))
                .peek(service -> {
                    if (!Files.isRegularFile(service.jar(home))) {
                        throw new IllegalStateException(service.jar(home)
                                + " is missing: ./run-local builds it, or ./mvnw -DskipTests package");
                    }
                })
                .toList();
    }

    static PlatformService named(String module) {
        return ALL.stream()
                .filter(service -> service.module().equals(module))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module));
    }

    Path jar(Path home) {
        return home.resolve(module).resolve("target").resolve(module + ".jar");
    }

    int port(Options options) {
        String variable = module.replace("-service", "").toUpperCase(Locale.ROOT) + "_PORT";
        return Options.port(variable, defaultPort);
    }
}
