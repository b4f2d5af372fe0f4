package org.concordia.identity.token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.concordia.identity.IdentityProperties;
import org.concordia.identity.directory.Directory;
import org.concordia.identity.directory.Person;
import org.concordia.identity.key.SigningKeys;
import org.concordia.platform.security.Caller;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The platform's claims, read from the directory when a token is issued (so a refreshed token carries the roles of
 * now): {@code person_id}, {@code name}, {@code email}, {@code locale}, {@code zoneinfo}, {@code memberships}
 * ({@code [{organizationId, roles}]}) and {@code platform_roles}. Access tokens are addressed to the configured API
 * audiences besides their client, and every token names the current signing key.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String PERSON_ID = "person_id";
    static final String MEMBERSHIPS = "memberships";
    static final String PLATFORM_ROLES = "platform_roles";

    private final Directory directory;
    private final ConfiguredClients clients;
    private final SigningKeys keys;
    private final IdentityProperties properties;

    TokenClaims(Directory directory, ConfiguredClients clients, SigningKeys keys, IdentityProperties properties) {
        this.directory = directory;
        this.clients = clients;
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        context.getJwsHeader().keyId(keys.currentKeyId());
        boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean id = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!access && !id) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        String clientId = context.getRegisteredClient().getClientId();
        if (access) {
            List<String> audiences = new ArrayList<>();
            audiences.add(clientId);
            audiences.addAll(properties.getAudiences());
            claims.audience(audiences);
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            claims.claim(PLATFORM_ROLES, List.copyOf(clients.platformRolesOf(clientId)));
            return;
        }
        String personId = context.getPrincipal().getName();
        Person person = directory.person(personId).orElse(null);
        claims.claim(PERSON_ID, personId);
        claims.claim(PLATFORM_ROLES, List.copyOf(platformRoles(personId, person)));
        if (person == null) {
            claims.claim(MEMBERSHIPS, List.of());
            return;
        }
        putIfPresent(claims, "name", person.name());
        putIfPresent(claims, "email", person.email());
        putIfPresent(claims, "locale", person.locale());
        putIfPresent(claims, "zoneinfo", person.zoneinfo());
        claims.claim(
                MEMBERSHIPS,
                person.memberships().stream()
                        .map(m -> Map.of("organizationId", m.organizationId(), "roles", m.roles()))
                        .toList());
    }

    private Set<String> platformRoles(String personId, @org.jspecify.annotations.Nullable Person person) {
        Set<String> roles = new LinkedHashSet<>();
        for (String operator : properties.getOperators()) {
            if (operator.equals(personId)
                    || (person != null
                            && person.email() != null
                            && operator.toLowerCase(Locale.ROOT)
                                    .equals(person.email().toLowerCase(Locale.ROOT)))) {
                roles.add(Caller.OPERATOR);
            }
        }
        return roles;
    }

    private static void putIfPresent(
            JwtClaimsSet.Builder claims, String name, @org.jspecify.annotations.Nullable String value) {
        if (value != null) {
            claims.claim(name, value);
        }
    }
}
