package org.concordia.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401 and 403 as Problem Details that say no more than needed: not whether a token expired, was tampered with or
 * came from a stranger, and not which right was missing.
 */
public final class SecurityProblems {

    static final String UNAUTHORIZED_BODY = "{\"type\":\"https://concordia.org/problems/unauthorized\","
            + "\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"A valid bearer token is required\"}";
    static final String FORBIDDEN_BODY = "{\"type\":\"https://concordia.org/problems/forbidden\","
            + "\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"The caller may not do this\"}";

    static final String UNAVAILABLE_BODY = "{\"type\":\"https://concordia.org/problems/issuer-unavailable\","
            + "\"title\":\"Service unavailable\",\"status\":503,"
            + "\"detail\":\"Tokens cannot be checked at the moment; try again shortly\"}";

    private SecurityProblems() {}

    /**
     * Failed token checks: a bad token is a 401; the issuer's keys being out of reach is the service's trouble, not
     * the caller's, and answered 503 with {@code Retry-After} rather than as an error of the service.
     */
    static final String REJECTED_BODY = "{\"type\":\"https://concordia.org/problems/malformed-request\","
            + "\"title\":\"Malformed request\",\"status\":400,"
            + "\"detail\":\"The request's path or headers are not acceptable\"}";

    /** A request the firewall refuses (an encoded slash or percent sign, a path with {@code ..}): a 400 problem. */
    public static RequestRejectedHandler rejected() {
        return (request, response, exception) -> write(response, HttpStatus.BAD_REQUEST, REJECTED_BODY);
    }

    public static AuthenticationFailureHandler failedTokenCheck() {
        AuthenticationEntryPoint unauthorized = unauthorized();
        return (request, response, exception) -> {
            if (exception instanceof AuthenticationServiceException) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                write(response, HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE_BODY);
                return;
            }
            unauthorized.commence(request, response, exception);
        };
    }

    public static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            String challenge =
                    exception instanceof InvalidBearerTokenException ? "Bearer error=\"invalid_token\"" : "Bearer";
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
            write(response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED_BODY);
        };
    }

    public static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
            write(response, HttpStatus.FORBIDDEN, FORBIDDEN_BODY);
        };
    }

    private static void write(HttpServletResponse response, HttpStatus status, String body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }
}
