package org.concordia.platform.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code concordia.security.*}: whether the service checks bearer tokens, which issuer and audience it trusts, and
 * the names of the claims that carry a caller's person id, memberships and platform roles. A service knows nothing
 * else about the identity provider, so any OpenID Connect provider that issues these claims can replace ours.
 */
@ConfigurationProperties("concordia.security")
public class ResourceServerProperties {

    /** Off by default: every request is let through, as before security existed. */
    private boolean enabled;

    /** The {@code iss} every token must carry, e.g. {@code http://localhost:9000}. */
    private @Nullable String issuerUri;

    /** Where the issuer's signing keys are published; {@code <issuer-uri>/oauth2/jwks} when not set. */
    private @Nullable String jwkSetUri;

    /** A token must name at least one of these in {@code aud}. */
    private List<String> audiences = new ArrayList<>(List.of("concordia-api"));

    /** The requests the resource-server rules cover (ant-style patterns); others are left to the service. */
    private List<String> paths = new ArrayList<>(List.of("/**"));

    /** Requests that need no token besides health and the OpenAPI documents, e.g. a feed with its own secret. */
    private List<String> openPaths = new ArrayList<>();

    /** How far the clocks of issuer and service may drift apart when checking {@code exp} and {@code nbf}. */
    private Duration clockSkew = Duration.ofSeconds(60);

    /** How long fetching the issuer's keys may take before a request is answered 503. */
    private Duration jwksTimeout = Duration.ofSeconds(15);

    private final Claims claims = new Claims();

    /** Names of the claims a {@link Caller} is read from. */
    public static class Claims {
        private String personId = "person_id";
        private String name = "name";
        private String email = "email";
        private String memberships = "memberships";
        private String organizationId = "organizationId";
        private String roles = "roles";
        private String platformRoles = "platform_roles";

        public String getPersonId() {
            return personId;
        }

        public void setPersonId(String personId) {
            this.personId = personId;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getMemberships() {
            return memberships;
        }

        public void setMemberships(String memberships) {
            this.memberships = memberships;
        }

        public String getOrganizationId() {
            return organizationId;
        }

        public void setOrganizationId(String organizationId) {
            this.organizationId = organizationId;
        }

        public String getRoles() {
            return roles;
        }

        public void setRoles(String roles) {
            this.roles = roles;
        }

        public String getPlatformRoles() {
            return platformRoles;
        }

        public void setPlatformRoles(String platformRoles) {
            this.platformRoles = platformRoles;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable String getIssuerUri() {
        return issuerUri;
    }

    public void setIssuerUri(@Nullable String issuerUri) {
        this.issuerUri = issuerUri;
    }

    public @Nullable String getJwkSetUri() {
        return jwkSetUri;
    }

    public void setJwkSetUri(@Nullable String jwkSetUri) {
        this.jwkSetUri = jwkSetUri;
    }

    public List<String> getAudiences() {
        return audiences;
    }

    public void setAudiences(List<String> audiences) {
        this.audiences = audiences;
    }

    public List<String> getPaths() {
        return paths;
    }

    public void setPaths(List<String> paths) {
        this.paths = paths;
    }

    public List<String> getOpenPaths() {
        return openPaths;
    }

    public void setOpenPaths(List<String> openPaths) {
        this.openPaths = openPaths;
    }

    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    public Duration getJwksTimeout() {
        return jwksTimeout;
    }

    public void setJwksTimeout(Duration jwksTimeout) {
        this.jwksTimeout = jwksTimeout;
    }

    public Claims getClaims() {
        return claims;
    }

    /** The issuer, which must be configured once security is on. */
    public String requiredIssuerUri() {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalStateException(
                    "concordia.security.enabled=true needs concordia.security.issuer-uri (the OpenID Connect issuer)");
        }
        return issuerUri;
    }

    public String effectiveJwkSetUri() {
        if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            return jwkSetUri;
        }
        String issuer = requiredIssuerUri();
        return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/oauth2/jwks";
    }
}
