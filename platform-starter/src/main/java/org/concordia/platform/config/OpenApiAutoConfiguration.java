package org.concordia.platform.config;

import java.util.List;
import org.concordia.platform.openapi.PlatformOpenApi;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** What every service's OpenAPI document shares: see {@link PlatformOpenApi}. */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
public class OpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PlatformOpenApi platformOpenApi(Environment environment) {
        if (!environment.getProperty("concordia.security.enabled", Boolean.class, false)) {
            return new PlatformOpenApi();
        }
        List<String> open = Binder.get(environment)
                .bind("concordia.security.open-paths", Bindable.listOf(String.class))
                .orElse(List.of());
        return new PlatformOpenApi(true, open);
    }
}
