package org.concordia.console.signin;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.concordia.console.ConsoleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everyone signs in through the identity provider (authorization code with PKCE, as a public client); the tokens
 * live in the person's session only. Who may open which screens follows the roles in the ID token: operators
 * ({@code platform_roles}), coordinators (a membership with the coordinator role), everyone else as a member.
 */
@Configuration
class SecurityConfiguration {

    static final String REGISTRATION = "concordia";

    @Bean
    ClientRegistrationRepository clientRegistrations(ConsoleProperties properties) {
        String browser = withoutSlash(properties.identityPublicUri().toString());
        String server = withoutSlash(properties.identityUri().toString());
        // Endpoints named rather than discovered: the console starts whether or not the provider is up yet, and in
        // containers it reaches the provider at another address than browsers do.
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientName("Concordia")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(browser + "/oauth2/authorize")
                .tokenUri(server + "/oauth2/token")
                .jwkSetUri(server + "/oauth2/jwks")
                .issuerUri(browser)
                .userNameAttributeName("sub")
                .build());
    }

    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    SecurityFilterChain console(HttpSecurity http, OAuth2AuthorizedClientRepository authorizedClients)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/signed-out", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/operations/**")
                        .hasRole(SignedIn.OPERATOR)
                        .requestMatchers("/coordination/**")
                        .hasRole(SignedIn.COORDINATOR)
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + REGISTRATION)
                        .authorizedClientRepository(authorizedClients)
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(roles())))
                .logout(logout -> logout.logoutSuccessUrl("/signed-out"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                                + " frame-ancestors 'none'; form-action 'self' "
                                + "http: https:")))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    private static GrantedAuthoritiesMapper roles() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    SignedIn person = SignedIn.of(oidc.getIdToken().getClaims());
                    mapped.add(new SimpleGrantedAuthority("ROLE_" + SignedIn.MEMBER));
                    if (person.coordinator()) {
                        mapped.add(new SimpleGrantedAuthority("ROLE_" + SignedIn.COORDINATOR));
                    }
                    if (person.operator()) {
                        mapped.add(new SimpleGrantedAuthority("ROLE_" + SignedIn.OPERATOR));
                    }
                }
            }
            return (Collection<GrantedAuthority>) mapped;
        };
    }

    private static String withoutSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
