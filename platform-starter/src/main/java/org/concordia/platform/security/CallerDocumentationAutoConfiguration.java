package org.concordia.platform.security;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;

/**
 * A controller method's {@link Caller} comes from the bearer token, not from the request: it is left out of the
 * OpenAPI document (springdoc would otherwise describe it as a query parameter of every operation).
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
public class CallerDocumentationAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
