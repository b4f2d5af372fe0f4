package org.concordia.identity.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.concordia.identity.support.IntegrationTest;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;

/** Rotating the signing key through the operator endpoint, checked against the JWKS as resource servers see it. */
class KeyRotationTest extends IntegrationTest {

    @Test
    void after_a_rotation_old_tokens_verify_until_their_key_is_dropped_and_new_ones_use_the_new_key() {
        String before = operatorToken();
        String beforeKey = verify(before).getHeaders().get("kid").toString();

        assertThat(rotate(before).statusCode()).isEqualTo(200);
        String after = operatorToken();
        String afterKey = verify(after).getHeaders().get("kid").toString();
        assertThat(afterKey).isNotEqualTo(beforeKey);
        assertThat(verify(before).getSubject())
                .as("the previous key still verifies")
                .isEqualTo(OPERATOR_CLIENT);

        assertThat(rotate(after).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> verify(before))
                .as("two rotations later the first key is gone")
                .isInstanceOf(JwtException.class);
        assertThat(verify(after).getSubject()).isEqualTo(OPERATOR_CLIENT);
        assertThat(verify(operatorToken()).getHeaders().get("kid")).isNotEqualTo(afterKey);
    }

    @Test
    void only_operators_rotate_keys() {
        String service = tokens.clientCredentials(SERVICES_CLIENT, SERVICES_SECRET, "api")
                .accessToken();
        HttpResponse<String> refused = rotate(service);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"status\":403");
        assertThat(rotate(null).statusCode()).isEqualTo(401);
        assertThat(rotate(TestIssuer.tampered(operatorToken())).statusCode()).isEqualTo(401);
        assertThat(rotate(TestIssuer.get().client(OPERATOR_CLIENT).operator().sign())
                        .statusCode())
                .as("an operator token from another issuer")
                .isEqualTo(401);
    }

    private String operatorToken() {
        return tokens.clientCredentials(OPERATOR_CLIENT, OPERATOR_SECRET, "api").accessToken();
    }

    private static HttpResponse<String> rotate(String token) {
        HttpRequest.Builder request =
                request("/api/v1/signing-keys/rotation").POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }
}
