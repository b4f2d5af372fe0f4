package org.concordia.organization.demo;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code concordia.demo.load=true} (what {@code ./run-local --demo} passes, or {@code CONCORDIA_DEMO_LOAD=true} for
 * a deployed instance) loads the demo directory at startup, before the service reports ready.
 */
@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

    @Bean
    @ConditionalOnBooleanProperty("concordia.demo.load")
    ApplicationRunner loadDemoData(DemoLoader loader) {
        return arguments -> loader.load();
    }
}
