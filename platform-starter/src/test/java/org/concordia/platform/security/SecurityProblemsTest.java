package org.concordia.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** A token that cannot be checked because the issuer's keys are out of reach is not the caller's fault. */
class SecurityProblemsTest {

    @Test
    void keys_out_of_reach_are_a_503_with_retry_after_and_a_bad_token_a_401() throws Exception {
        MockHttpServletResponse unavailable = new MockHttpServletResponse();
        SecurityProblems.failedTokenCheck()
                .onAuthenticationFailure(
                        new MockHttpServletRequest(),
                        unavailable,
                        new AuthenticationServiceException("JWKS read timed out"));
        assertThat(unavailable.getStatus()).isEqualTo(503);
        assertThat(unavailable.getHeader("Retry-After")).isEqualTo("5");
        assertThat(unavailable.getContentAsString()).contains("\"status\":503").doesNotContain("JWKS");

        MockHttpServletResponse invalid = new MockHttpServletResponse();
        SecurityProblems.failedTokenCheck()
                .onAuthenticationFailure(
                        new MockHttpServletRequest(), invalid, new InvalidBearerTokenException("expired"));
        assertThat(invalid.getStatus()).isEqualTo(401);
        assertThat(invalid.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(invalid.getContentAsString()).doesNotContain("expired");
    }
}
