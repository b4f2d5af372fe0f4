package org.concordia.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.identity.directory.Person;
import org.concordia.identity.support.IntegrationTest;
import org.concordia.identity.support.OrganizationFeed;
import org.concordia.testing.security.IdentityServiceTokens;
import org.concordia.testing.security.IdentityServiceTokens.TokenResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

/** Tokens over real HTTP: the browser flow with PKCE through the sign-in form, refresh, client credentials. */
class TokenFlowTest extends IntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_person_signs_in_through_the_console_and_the_tokens_carry_who_they_are_and_their_roles() {
        String organization = OrganizationFeed.newId();
        PersonRegistered anna =
                OrganizationFeed.person(OrganizationFeed.newId(), "anna." + organization + "@example.org");
        try (OrganizationFeed feed = new OrganizationFeed()) {
            feed.publish(OrganizationFeed.organization(organization, null));
            feed.publish(
                    OrganizationFeed.joined(OrganizationFeed.newId(), organization, anna, "coordinator", "member"));
            awaitLogin(feed, anna);
        }

        TokenResponse response =
                tokens.signIn(CONSOLE, CONSOLE_CALLBACK, "openid profile email", anna.email(), DEMO_PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        Jwt access = verify(response.accessToken());
        assertThat(access.getIssuer()).hasToString(ISSUER);
        assertThat(access.getSubject()).isEqualTo(anna.personId());
        assertThat(access.getAudience()).contains("concordia-api", CONSOLE);
        assertThat(access.getClaimAsString("person_id")).isEqualTo(anna.personId());
        assertThat(access.getClaimAsString("name")).isEqualTo(anna.fullName());
        assertThat(access.getClaimAsString("email")).isEqualTo(anna.email());
        assertThat(access.getClaimAsString("locale")).isEqualTo("pl");
        assertThat(access.getClaimAsString("zoneinfo")).isEqualTo("Europe/Warsaw");
        assertThat(access.getClaimAsStringList("platform_roles")).isEmpty();
        assertThat(access.<List<Map<String, Object>>>getClaim("memberships"))
                .containsExactly(Map.of("organizationId", organization, "roles", List.of("coordinator", "member")));

        Jwt id = verify(response.idToken());
        assertThat(id.getSubject()).isEqualTo(anna.personId());
        assertThat(id.getAudience()).containsExactly(CONSOLE);
        assertThat(id.getClaimAsString("email")).isEqualTo(anna.email());
        assertThat(response.refreshToken())
                .as("the authorization server gives no refresh token to a public client")
                .isNull();

        assertThat(mongo.getCollection("http_sessions").countDocuments())
                .as("the sign-in session is kept where every instance finds it")
                .isPositive();

        HttpResponse<String> userinfo =
                send(request("/userinfo").header("Authorization", "Bearer " + response.accessToken()));
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(userinfo.body()).contains(anna.personId());
    }

    @Test
    void a_wrong_password_is_refused() {
        PersonRegistered piotr =
                OrganizationFeed.person(OrganizationFeed.newId(), "piotr." + OrganizationFeed.newId() + "@example.org");
        try (OrganizationFeed feed = new OrganizationFeed()) {
            awaitLogin(feed, piotr);
        }
        assertThatThrownBy(() -> tokens.signIn(CONSOLE, CONSOLE_CALLBACK, "openid", piotr.email(), "not-the-password"))
                .hasMessageContaining("refused");
    }

    @Test
    void a_confidential_client_refreshes_and_the_new_token_carries_the_roles_of_now() {
        String organization = OrganizationFeed.newId();
        String membership = OrganizationFeed.newId();
        PersonRegistered maria =
                OrganizationFeed.person(OrganizationFeed.newId(), "maria." + organization + "@example.org");
        try (OrganizationFeed feed = new OrganizationFeed()) {
            feed.publish(OrganizationFeed.joined(membership, organization, maria, "member"));
            awaitLogin(feed, maria);

            TokenResponse first = tokens.signIn(
                    PORTAL, PORTAL_SECRET, PORTAL_CALLBACK, "openid profile", maria.email(), DEMO_PASSWORD);
            assertThat(first.refreshToken()).isNotNull();
            assertThat(roles(verify(first.accessToken()))).containsExactly("member");

            feed.publish(new MemberRolesChanged(
                    membership,
                    organization,
                    maria.personId(),
                    List.of("coordinator"),
                    List.of("member"),
                    "Organization",
                    Instant.now()));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> directory
                            .person(maria.personId())
                            .map(p -> p.memberships()
                                    .equals(List.of(new Person.Membership(organization, List.of("coordinator")))))
                            .orElse(false));
            TokenResponse refreshed = tokens.refresh(PORTAL, PORTAL_SECRET, first.refreshToken());
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(roles(verify(refreshed.accessToken()))).containsExactly("coordinator");
            assertThat(tokens.refresh(PORTAL, PORTAL_SECRET, first.refreshToken())
                            .status())
                    .as("a refresh token is used once: the next refresh uses the new one")
                    .isEqualTo(400);
            assertThat(tokens.refresh(PORTAL, PORTAL_SECRET, refreshed.refreshToken())
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void client_credentials_give_operator_tooling_the_operator_role_and_services_none() {
        TokenResponse operator = tokens.clientCredentials(OPERATOR_CLIENT, OPERATOR_SECRET, "api");
        Jwt operatorToken = verify(operator.accessToken());
        assertThat(operatorToken.getSubject()).isEqualTo(OPERATOR_CLIENT);
        assertThat(operatorToken.getClaimAsStringList("platform_roles")).containsExactly("operator");
        assertThat(operatorToken.getAudience()).contains("concordia-api");
        assertThat(operatorToken.hasClaim("person_id")).isFalse();

        Jwt service = verify(tokens.clientCredentials(SERVICES_CLIENT, SERVICES_SECRET, "api")
                .accessToken());
        assertThat(service.getClaimAsStringList("platform_roles")).isEmpty();

        assertThat(tokens.clientCredentials(OPERATOR_CLIENT, "wrong", "api").status())
                .isEqualTo(401);
        assertThat(tokens.clientCredentials("nobody", "secret", "api").status()).isEqualTo(401);
    }

    @Test
    void discovery_names_the_issuer_and_its_endpoints() {
        HttpResponse<String> discovery = send(request("/.well-known/openid-configuration"));
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body())
                .contains("\"issuer\":\"" + ISSUER + "\"")
                .contains("\"jwks_uri\":\"" + ISSUER + "/oauth2/jwks\"")
                .contains("\"token_endpoint\":\"" + ISSUER + "/oauth2/token\"")
                .contains("S256");
        HttpResponse<String> jwks = send(request("/oauth2/jwks"));
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
    }

    @Test
    void a_malformed_token_request_is_a_400_not_a_500() {
        HttpResponse<String> response = send(request("/oauth2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", IdentityServiceTokens.basic(SERVICES_CLIENT, SERVICES_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=%00&scope=" + "x".repeat(5000))));
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(Jwt token) {
        List<Map<String, Object>> memberships = token.getClaim("memberships");
        return memberships.stream()
                .flatMap(m -> ((List<String>) m.get("roles")).stream())
                .toList();
    }
}
