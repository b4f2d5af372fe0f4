package org.concordia.console;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console finds the identity provider and the services.
 *
 * @param identityPublicUri the provider as browsers reach it; also its issuer
 * @param identityUri the provider as this application reaches it (tokens, keys); the same outside containers
 */
@ConfigurationProperties("concordia.console")
public record ConsoleProperties(
        URI identityPublicUri,
        URI identityUri,
        String clientId,
        URI organizationUri,
        URI projectUri,
        URI eventUri,
        URI notificationUri) {

    /** Each service whose operations the operators' screens show, by name. */
    public Map<String, URI> services() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("organization-service", organizationUri);
        services.put("project-service", projectUri);
        services.put("event-service", eventUri);
        services.put("notification-service", notificationUri);
        services.put("identity-service", identityUri);
        return services;
    }
}
