package org.concordia.console.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The signed-in person's access token, from their session. */
@Component
public class AccessTokens {

    /** A token about to expire is not sent: the call could reach the service just after it expired. */
    private static final Duration MARGIN = Duration.ofSeconds(20);

    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final Clock clock;

    AccessTokens(OAuth2AuthorizedClientRepository authorizedClients) {
        this.authorizedClients = authorizedClients;
        this.clock = Clock.systemUTC();
    }

    /** The current request's person's token; {@link SignInAgain} when there is none or it has expired. */
    public String current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            throw new SignInAgain("no request");
        }
        HttpServletRequest request = attributes.getRequest();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        OAuth2AuthorizedClient client = authentication == null
                ? null
                : authorizedClients.loadAuthorizedClient("concordia", authentication, request);
        if (client == null) {
            throw new SignInAgain("no access token in the session");
        }
        var token = client.getAccessToken();
        if (token.getExpiresAt() != null && token.getExpiresAt().minus(MARGIN).isBefore(clock.instant())) {
            throw new SignInAgain("the access token expired");
        }
        return token.getTokenValue();
    }
}
