package org.concordia.platform.lifecycle;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** Ties a service's life to its launcher's when {@code concordia.parent-pid} names one (the local platform does). */
@AutoConfiguration
public class LifecycleAutoConfiguration {

    @Bean
    @ConditionalOnProperty("concordia.parent-pid")
    ParentProcessWatch parentProcessWatch(
            @Value("${concordia.parent-pid}") long parentPid, ConfigurableApplicationContext context) {
        return new ParentProcessWatch(parentPid, () -> System.exit(SpringApplication.exit(context, () -> 0)));
    }
}
