package org.concordia.testing;

import java.util.Locale;
import org.testcontainers.DockerClientFactory;

/**
 * How integration tests get their MongoDB and Kafka: real images through Testcontainers where a Docker engine
 * answers, or an in-process KRaft broker and mongo-java-server where none does. The environment variable
 * {@value #VARIABLE} (or the system property of the same name) forces either: {@code containers} or
 * {@code embedded}; {@code auto}, the default, decides by asking Docker.
 */
public enum InfrastructureMode {
    CONTAINERS,
    EMBEDDED;

    public static final String VARIABLE = "CONCORDIA_TEST_INFRASTRUCTURE";

    static Selection select() {
        String forced = System.getProperty(VARIABLE, System.getenv(VARIABLE));
        if (forced != null && !forced.isBlank() && !forced.equalsIgnoreCase("auto")) {
            InfrastructureMode mode = InfrastructureMode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
            return new Selection(mode, "forced by " + VARIABLE + "=" + forced.trim());
        }
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            docker = false;
        }
        return docker
                ? new Selection(CONTAINERS, "Docker is available")
                : new Selection(EMBEDDED, "no Docker engine answered");
    }

    record Selection(InfrastructureMode mode, String reason) {}
}
