package org.concordia.platform.config;

import org.concordia.platform.openapi.PlatformOpenApi;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** What every service's OpenAPI document shares: see {@link PlatformOpenApi}. */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
public class OpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PlatformOpenApi platformOpenApi() {
        return new PlatformOpenApi();
    }
}
