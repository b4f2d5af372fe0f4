package org.concordia.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What every service does the same way unless it says otherwise: Problem Details, strict request JSON, health
 * groups and metrics, and consumers that take batches, retry with backoff (without limit while their infrastructure
 * is down), then dead-letter, in a group named after the service.
 * Added with the lowest precedence, so a service's own configuration wins.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // ProblemDetailsAdvice answers every error; Boot's own handler would take precedence over it
        defaults.put("spring.mvc.problemdetails.enabled", "false");
        defaults.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
        defaults.put("spring.jackson.deserialization.fail-on-null-for-primitives", "true");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put(
                "management.endpoints.web.exposure.include",
                "health,info,prometheus,metrics,bindings,deadletters,outbox");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        // health is open to load balancers; what it says of the database and the broker is for operators
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        defaults.put("management.endpoint.health.show-components", "when-authorized");
        defaults.put("management.endpoint.health.roles", "PLATFORM_operator");
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,mongo,kafka");
        defaults.put("management.info.git.mode", "simple");
        defaults.put("management.metrics.tags.application", "${spring.application.name:concordia}");
        // the dashboard's p99 latencies need the buckets
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        // logs are for machines too (logging.structured.format.console=ecs): no banner among the JSON lines
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.cloud.stream.default.group", "${spring.application.name}");
        defaults.put("spring.cloud.stream.default.consumer.max-attempts", "4");
        defaults.put("spring.cloud.stream.default.consumer.back-off-initial-interval", "500");
        defaults.put("spring.cloud.stream.default.consumer.back-off-multiplier", "2.0");
        defaults.put("spring.cloud.stream.default.consumer.back-off-max-interval", "5000");
        // IdempotentConsumers take whole polls: one dedup lookup and one bulk write of marks per batch
        defaults.put("spring.cloud.stream.default.consumer.batch-mode", "true");
        // the batch reaches the consumer as the binder built it (byte[] payloads), not converted by the function layer
        defaults.put("spring.cloud.stream.default.consumer.use-native-decoding", "true");
        defaults.put(
                "spring.cloud.stream.kafka.default.consumer.configuration.max.poll.records",
                "${concordia.inbox.batch-size:500}");
        defaults.put("spring.cloud.stream.kafka.default.consumer.enable-dlq", "true");
        defaults.put("spring.cloud.stream.kafka.default.consumer.start-offset", "earliest");
        defaults.put("spring.cloud.stream.kafka.binder.required-acks", "all");
        defaults.put("spring.cloud.stream.kafka.binder.enable-observation", "true");
        defaults.put("spring.cloud.stream.kafka.binder.brokers", "${spring.kafka.bootstrap-servers:localhost:9092}");
        defaults.put("springdoc.swagger-ui.path", "/swagger-ui.html");
        defaults.put("springdoc.default-produces-media-type", "application/json");
        environment.getPropertySources().addLast(new MapPropertySource("concordiaPlatformDefaults", defaults));
    }
}
