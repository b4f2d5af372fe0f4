package org.concordia.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.concordia.testing.WithInfrastructure;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The resource-server rules every service gets with {@code concordia.security.enabled=true}, over real HTTP. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "concordia.security.open-paths=/api/v1/open/**")
@WithInfrastructure
class ResourceServerTest {

    static final TestIssuer issuer = TestIssuer.get();

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
        issuer.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    int port;

    @Test
    void no_token_is_a_401_problem_that_says_only_that_a_token_is_needed() {
        HttpResponse<String> response = get("/api/v1/secured/me", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).contains("\"status\":401").contains("A valid bearer token is required");
    }

    @Test
    void a_valid_token_is_let_through_and_names_the_caller() {
        HttpResponse<String> response = get(
                "/api/v1/secured/me",
                issuer.person("p-1").member("club", "member").sign());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"subject\":\"p-1\"").contains("\"operator\":false");
    }

    @Test
    void a_tampered_token_is_a_401() {
        String token = TestIssuer.tampered(issuer.person("p-1").sign());
        assertUnauthorizedWithInvalidToken(get("/api/v1/secured/me", token));
    }

    @Test
    void a_token_signed_by_another_key_is_a_401() {
        assertUnauthorizedWithInvalidToken(get(
                "/api/v1/secured/me", issuer.person("p-1").signedByStranger().sign()));
    }

    @Test
    void an_expired_token_is_a_401() {
        assertUnauthorizedWithInvalidToken(
                get("/api/v1/secured/me", issuer.person("p-1").expired().sign()));
    }

    @Test
    void a_token_for_another_audience_is_a_401() {
        assertUnauthorizedWithInvalidToken(get(
                "/api/v1/secured/me", issuer.person("p-1").audience("billing").sign()));
    }

    @Test
    void a_token_from_another_issuer_is_a_401() {
        assertUnauthorizedWithInvalidToken(get(
                "/api/v1/secured/me",
                issuer.person("p-1").issuer("https://elsewhere.example").sign()));
    }

    @Test
    void a_member_who_is_not_a_coordinator_gets_a_403_problem() {
        String member = issuer.person("p-2")
                .member(SecuredController.MOVEMENT, "member")
                .sign();
        HttpResponse<String> response = get("/api/v1/secured/organizations/" + SecuredController.MOVEMENT, member);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":403").doesNotContain("coordinator");
    }

    @Test
    void a_coordinator_passes_for_their_organization_and_its_chapters_but_not_for_others() {
        String coordinator = issuer.person("p-3")
                .member(SecuredController.MOVEMENT, "coordinator")
                .sign();
        assertThat(get("/api/v1/secured/organizations/" + SecuredController.MOVEMENT, coordinator)
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/secured/organizations/" + SecuredController.CHAPTER, coordinator)
                        .statusCode())
                .as("a chapter of the movement")
                .isEqualTo(200);
        assertThat(get("/api/v1/secured/organizations/elsewhere", coordinator).statusCode())
                .isEqualTo(403);

        String chapterCoordinator = issuer.person("p-4")
                .member(SecuredController.CHAPTER, "coordinator")
                .sign();
        assertThat(get("/api/v1/secured/organizations/" + SecuredController.MOVEMENT, chapterCoordinator)
                        .statusCode())
                .as("a chapter's coordinator does not act for the movement")
                .isEqualTo(403);
    }

    @Test
    void an_operator_passes_the_organization_rule_and_reads_actuator_which_members_may_not() {
        String operator = issuer.client("operator-tooling").operator().sign();
        String member = issuer.person("p-5").member("club", "coordinator").sign();
        assertThat(get("/api/v1/secured/organizations/club", operator).statusCode())
                .isEqualTo(200);
        assertThat(get("/actuator/metrics", operator).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", member).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
    }

    @Test
    void health_the_openapi_documents_and_declared_open_paths_need_no_token() {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/open/ping", null).statusCode()).isEqualTo(200);
    }

    @Test
    void health_tells_everyone_up_or_down_and_only_operators_what_is_behind_it() {
        HttpResponse<String> anyone = get("/actuator/health", null);
        assertThat(anyone.body())
                .contains("\"status\":\"UP\"")
                .doesNotContain("mongo")
                .doesNotContain("kafka");
        String member = issuer.person("p-6").member("club", "coordinator").sign();
        assertThat(get("/actuator/health", member).body()).doesNotContain("mongo");
        String operator = issuer.client("operator-tooling").operator().sign();
        assertThat(get("/actuator/health", operator).body())
                .contains("\"mongo\"")
                .contains("\"kafka\"");
    }

    private static void assertUnauthorizedWithInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(response.body())
                .contains("A valid bearer token is required")
                .doesNotContainIgnoringCase("expired")
                .doesNotContainIgnoringCase("signature")
                .doesNotContainIgnoringCase("audience");
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
