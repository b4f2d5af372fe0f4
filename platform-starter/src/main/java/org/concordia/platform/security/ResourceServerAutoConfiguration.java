package org.concordia.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A service becomes an OAuth2 resource server with {@code concordia.security.enabled=true} (and the
 * {@code spring-boot-starter-security-oauth2-resource-server} dependency): every request under
 * {@code concordia.security.paths} needs a bearer JWT from the configured issuer and audience, except health, the
 * OpenAPI documents and {@code concordia.security.open-paths}; the rest of actuator is for operators. Without the
 * switch, a service that has Spring Security on its class path still lets every request through unchanged.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class})
@EnableConfigurationProperties(ResourceServerProperties.class)
public class ResourceServerAutoConfiguration {

    /** Authorities given to platform roles, e.g. {@code PLATFORM_operator}. */
    public static final String PLATFORM_ROLE_PREFIX = "PLATFORM_";

    /** Ahead of a service's own catch-all chain (a sign-in form, say), behind narrower ones it declares first. */
    public static final int CHAIN_ORDER = 100;

    static final List<String> ALWAYS_OPEN = List.of(
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/v3/api-docs.yaml",
            "/swagger-ui.html",
            "/swagger-ui/**",
            "/error");

    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler requestRejectedHandler() {
        return SecurityProblems.rejected();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "concordia.security.enabled", havingValue = false, matchIfMissing = true)
    static class Open {

        @Bean
        @Order(CHAIN_ORDER)
        SecurityFilterChain openChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(AbstractHttpConfigurer::disable)
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("concordia.security.enabled")
    static class Enabled {

        @Bean
        @ConditionalOnMissingBean
        JwtDecoder jwtDecoder(ResourceServerProperties properties) {
            // keys are fetched on the first token, so a service starts while the issuer is still starting
            SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
            requests.setConnectTimeout(properties.getJwksTimeout());
            requests.setReadTimeout(properties.getJwksTimeout());
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
                    .restOperations(new RestTemplate(requests))
                    .build();
            decoder.setJwtValidator(TokenRules.validator(properties));
            return decoder;
        }

        @Bean
        CallerClaims callerClaims(ResourceServerProperties properties) {
            return new CallerClaims(properties.getClaims());
        }

        @Bean
        Callers callers(CallerClaims claims) {
            return new Callers(claims);
        }

        @Bean
        @ConditionalOnMissingBean
        OrganizationRoles organizationRoles(ObjectProvider<OrganizationHierarchy> hierarchy) {
            return new OrganizationRoles(hierarchy.getIfAvailable(() -> OrganizationHierarchy.FLAT));
        }

        @Bean
        SecurityProblemsAdvice securityProblemsAdvice() {
            return new SecurityProblemsAdvice();
        }

        @Bean
        WebMvcConfigurer callerParameters(Callers callers) {
            return new WebMvcConfigurer() {
                @Override
                public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                    resolvers.add(new CallerArgumentResolver(callers));
                }
            };
        }

        @Bean
        @Order(CHAIN_ORDER)
        SecurityFilterChain resourceServerChain(
                HttpSecurity http, ResourceServerProperties properties, JwtDecoder decoder, CallerClaims claims)
                throws Exception {
            List<String> open = new ArrayList<>(ALWAYS_OPEN);
            open.addAll(properties.getOpenPaths());
            JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
            authentication.setJwtGrantedAuthoritiesConverter(jwt -> {
                Set<GrantedAuthority> authorities = claims.read(jwt).platformRoles().stream()
                        .map(role -> new SimpleGrantedAuthority(PLATFORM_ROLE_PREFIX + role))
                        .collect(Collectors.toSet());
                return List.copyOf(authorities);
            });
            return http.securityMatcher(properties.getPaths().toArray(String[]::new))
                    .authorizeHttpRequests(requests -> requests.requestMatchers(open.toArray(String[]::new))
                            .permitAll()
                            .requestMatchers("/actuator/**")
                            .hasAuthority(PLATFORM_ROLE_PREFIX + Caller.OPERATOR)
                            .anyRequest()
                            .authenticated())
                    .oauth2ResourceServer(resourceServer -> resourceServer
                            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authentication))
                            .authenticationEntryPoint(SecurityProblems.unauthorized())
                            .accessDeniedHandler(SecurityProblems.forbidden())
                            .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                                @Override
                                public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                    filter.setAuthenticationFailureHandler(SecurityProblems.failedTokenCheck());
                                    return filter;
                                }
                            }))
                    .exceptionHandling(exceptions -> exceptions
                            .authenticationEntryPoint(SecurityProblems.unauthorized())
                            .accessDeniedHandler(SecurityProblems.forbidden()))
                    .csrf(AbstractHttpConfigurer::disable)
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(cache -> cache.disable())
                    .build();
        }
    }
}
