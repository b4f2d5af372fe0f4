package org.concordia.platform.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The {@link Caller} of the request being handled, from its bearer token. */
public class Callers {

    private final CallerClaims claims;

    public Callers(CallerClaims claims) {
        this.claims = claims;
    }

    /**
     * @throws AuthenticationCredentialsNotFoundException when the request carried no valid token (a path left open)
     */
    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return claims.read(token.getToken());
        }
        throw new AuthenticationCredentialsNotFoundException("no bearer token");
    }
}
