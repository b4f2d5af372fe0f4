package org.concordia.console.journey;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concordia.testing.security.IdentityServiceTokens;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * What the journeys set up through the services' APIs, as the people themselves would: an operator onboards
 * organizations and their first coordinators, coordinators bring in members, projects and meetings.
 */
final class PlatformApi {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final Platform platform;
    private final RestClient http = RestClient.create();
    private final IdentityServiceTokens tokens;
    private final String operatorToken;
    private final Map<String, String> emails = new HashMap<>();

    PlatformApi(Platform platform) {
        this.platform = platform;
        this.tokens = new IdentityServiceTokens(platform.identityUri());
        this.operatorToken = tokens.clientCredentials(Platform.OPERATOR_CLIENT, Platform.OPERATOR_SECRET, "api")
                .accessToken();
    }

    String operator() {
        return operatorToken;
    }

    String organization(String name, String country, String city, String language) {
        return id(post(
                operatorToken,
                "organization-service",
                "/api/v1/organizations",
                Map.of("name", name, "kind", "ngo", "country", country, "city", city, "languages", List.of(language))));
    }

    String person(String name, String email, String language, String zone) {
        String id = id(post(
                operatorToken,
                "organization-service",
                "/api/v1/people",
                Map.of("fullName", name, "email", email, "preferredLanguage", language, "timeZone", zone)));
        emails.put(id, email);
        return id;
    }

    String email(String personId) {
        return emails.get(personId);
    }

    void join(String token, String organizationId, String personId, String role) {
        post(
                token,
                "organization-service",
                "/api/v1/organizations/" + organizationId + "/members",
                Map.of("personId", personId, "roles", List.of(role)));
    }

    /**
     * The person's access token through the sign-in form with PKCE, as the console gets it, once identity-service has
     * learned every one of the memberships named (tokens carry the memberships of the moment).
     */
    String tokenOf(String personId, List<String> organizationIds) {
        return await("the token of " + emails.get(personId) + " names " + organizationIds)
                .atMost(Browser.PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(
                        () -> tokens.signIn(
                                        "concordia-console",
                                        platform.consoleUri() + "/login/oauth2/code/concordia",
                                        "openid profile email",
                                        emails.get(personId),
                                        Platform.DEMO_PASSWORD)
                                .accessToken(),
                        token -> organizationIds.stream().allMatch(claims(token)::contains));
    }

    Map<String, Object> post(String token, String service, String path, Object body) {
        return http.post()
                .uri(platform.uri(service) + path)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(JSON);
    }

    /** A write that succeeds once the service has learned what it names from the other services' events. */
    Map<String, Object> postOnceKnown(String token, String service, String path, Object body) {
        return await(service + " takes " + path)
                .atMost(Browser.PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> post(token, service, path, body), created -> true);
    }

    static String id(Map<String, Object> created) {
        return String.valueOf(created.get("id"));
    }

    private static String claims(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
