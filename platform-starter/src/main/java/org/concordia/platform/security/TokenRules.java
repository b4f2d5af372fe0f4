package org.concordia.platform.security;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/** What makes a token acceptable: signed by the issuer's keys (the decoder's part), its issuer, audience and time. */
public final class TokenRules {

    private TokenRules() {}

    public static OAuth2TokenValidator<Jwt> validator(ResourceServerProperties properties) {
        List<String> audiences = List.copyOf(properties.getAudiences());
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains));
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.getClockSkew()),
                new JwtIssuerValidator(properties.requiredIssuerUri()),
                audience);
    }
}
