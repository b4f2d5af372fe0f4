package org.concordia.identity.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concordia.identity.IdentityProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The clients of {@code concordia.identity.clients}: the same configuration on every instance, so they need no
 * store. Secrets are hashed when read and never logged; a confidential client whose secret is not configured is
 * left out rather than registered with a default secret.
 */
@Component
public class ConfiguredClients implements RegisteredClientRepository {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredClients.class);

    private final RegisteredClientRepository clients;
    private final Map<String, IdentityProperties.Client> configured;

    ConfiguredClients(IdentityProperties properties, PasswordEncoder encoder) {
        this.configured = Map.copyOf(properties.getClients());
        List<RegisteredClient> registered = new ArrayList<>();
        properties.getClients().forEach((clientId, client) -> {
            RegisteredClient built = build(clientId, client, properties, encoder);
            if (built != null) {
                registered.add(built);
            }
        });
        if (registered.isEmpty()) {
            throw new IllegalStateException("concordia.identity.clients registers no client");
        }
        this.clients = new InMemoryRegisteredClientRepository(registered);
        log.info(
                "Registered clients: {}",
                registered.stream().map(RegisteredClient::getClientId).toList());
    }

    /** The platform roles a client holds itself, in its client-credentials tokens. */
    public Set<String> platformRolesOf(String clientId) {
        IdentityProperties.Client client = configured.get(clientId);
        return client == null ? Set.of() : Set.copyOf(client.getPlatformRoles());
    }

    private static @Nullable RegisteredClient build(
            String clientId, IdentityProperties.Client client, IdentityProperties properties, PasswordEncoder encoder) {
        RegisteredClient.Builder builder = RegisteredClient.withId(clientId).clientId(clientId);
        if (client.isPublicClient()) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            String secret = client.getSecret();
            if (secret == null || secret.isBlank()) {
                log.info("Client {} is not registered: it has no secret configured", clientId);
                return null;
            }
            builder.clientSecret(encoder.encode(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        client.getGrantTypes().forEach(type -> builder.authorizationGrantType(new AuthorizationGrantType(type)));
        client.getRedirectUris().forEach(builder::redirectUri);
        client.getScopes().forEach(builder::scope);
        builder.clientSettings(ClientSettings.builder()
                .requireProofKey(client.getGrantTypes().contains("authorization_code"))
                .requireAuthorizationConsent(client.isRequireConsent())
                .build());
        builder.tokenSettings(TokenSettings.builder()
                .accessTokenTimeToLive(properties.getAccessTokenTtl())
                .refreshTokenTimeToLive(properties.getRefreshTokenTtl())
                .reuseRefreshTokens(false)
                .build());
        return builder.build();
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("clients are registered in configuration");
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return clients.findById(id);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        return clients.findByClientId(clientId);
    }
}
