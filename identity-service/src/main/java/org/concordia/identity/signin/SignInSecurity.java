package org.concordia.identity.signin;

import java.time.Clock;
import java.time.Duration;
import org.concordia.identity.IdentityProperties;
import org.concordia.identity.key.SigningKeys;
import org.concordia.platform.security.ResourceServerProperties;
import org.concordia.platform.security.TokenRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/**
 * Three filter chains, first match wins: the authorization server's protocol endpoints (authorize, token, JWKS,
 * discovery, userinfo, revocation, introspection); then the starter's resource-server chain for {@code /api/**} and
 * actuator (bearer tokens issued here); then the sign-in form and the password page for browsers.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SignInSecurity {

    /** The browser's sign-in session, shared by all instances. */
    @Bean
    MongoSessions sessionRepository(
            MongoTemplate mongo, Clock clock, @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return new MongoSessions(mongo, timeout, clock);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        return http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/login", "/password", "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.getIssuer() != null && !properties.getIssuer().isBlank()) {
            settings.issuer(properties.getIssuer());
        }
        return settings.build();
    }

    /** Tokens for this service's own API and for userinfo are checked against its own keys, without HTTP. */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, ResourceServerProperties resourceServer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(TokenRules.validator(resourceServer));
        return decoder;
    }

    /** bcrypt today, and whatever a later default is, with old hashes still accepted. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    FilterRegistrationBean<RateLimits> rateLimits(IdentityProperties properties, Clock clock) {
        FilterRegistrationBean<RateLimits> registration =
                new FilterRegistrationBean<>(new RateLimits(properties.getRateLimit(), clock));
        registration.addUrlPatterns("/login", "/oauth2/token");
        // ahead of Spring Security's filters (order -100)
        registration.setOrder(-200);
        return registration;
    }
}
