package org.concordia.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.concordia.testing.security.TestIssuer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a Spring context at the shared {@link TestInfrastructure}, with a database of its own so that contexts
 * do not see each other's documents.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** {@code false} keeps a service's own issuer (identity-service tests itself as the issuer). */
    public static final String TEST_ISSUER = "concordia.testing.test-issuer";

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String application = context.getEnvironment().getProperty("spring.application.name", "concordia");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.cloud.stream.kafka.binder.brokers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", infrastructure.mongoUri());
        String isolated = application + "-test-" + CONTEXTS.incrementAndGet();
        properties.put("spring.mongodb.database", isolated);
        // contexts cached in one JVM keep consuming: each needs a group of its own to see every event
        properties.put("spring.cloud.stream.default.group", isolated);
        properties.put(
                "concordia.test.infrastructure", infrastructure.mode().name().toLowerCase());
        if (trustsTheTestIssuer(context)) {
            properties.putAll(TestIssuer.get().properties());
        }
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        // what a test states in @SpringBootTest(properties = ...) wins over the shared infrastructure
        PropertySource<?> inlined = sources.get(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME);
        if (inlined != null) {
            properties.keySet().removeIf(inlined::containsProperty);
        }
        sources.addFirst(new MapPropertySource("concordiaTestInfrastructure", properties));
    }

    /**
     * A service that checks bearer tokens trusts the {@link TestIssuer} in its tests, so that tests sign the tokens
     * of whoever they act as.
     */
    private static boolean trustsTheTestIssuer(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("concordia.security.enabled", Boolean.class, false)
                && context.getEnvironment().getProperty(TEST_ISSUER, Boolean.class, true);
    }
}
