package org.concordia.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.concordia.identity.support.IntegrationTest;
import org.concordia.identity.support.OrganizationFeed;
import org.concordia.testing.security.IdentityServiceTokens;
import org.junit.jupiter.api.Test;

/** Beyond the configured number of attempts, the sign-in form and the token endpoint answer 429. */
class RateLimitTest extends IntegrationTest {

    @Test
    void the_token_endpoint_answers_429_per_client_beyond_its_limit() {
        String client = "flood-" + OrganizationFeed.newId();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= TOKEN_LIMIT; i++) {
            statuses.add(send(request("/oauth2/token")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Authorization", IdentityServiceTokens.basic(client, "guess-" + i))
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")))
                    .statusCode());
        }
        assertThat(statuses.subList(0, TOKEN_LIMIT)).containsOnly(401);
        assertThat(statuses.get(TOKEN_LIMIT)).isEqualTo(429);

        HttpResponse<String> limited = send(request("/oauth2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", IdentityServiceTokens.basic(client, "again"))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(limited.body()).contains("\"status\":429");

        assertThat(tokens.clientCredentials(SERVICES_CLIENT, SERVICES_SECRET, "api")
                        .status())
                .as("other clients are not held back")
                .isEqualTo(200);
    }

    @Test
    void the_sign_in_form_answers_429_per_user_name_beyond_its_limit() {
        String username = "guess." + OrganizationFeed.newId() + "@example.org";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= SIGN_IN_LIMIT; i++) {
            statuses.add(send(request("/login")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=guess" + i)))
                    .statusCode());
        }
        assertThat(statuses.subList(0, SIGN_IN_LIMIT)).doesNotContain(429);
        assertThat(statuses.get(SIGN_IN_LIMIT)).isEqualTo(429);
    }
}
