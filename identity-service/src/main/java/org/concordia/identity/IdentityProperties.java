package org.concordia.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code concordia.identity.*}: issuer, clients, operators, token lifetimes, password links, keys, rate limits. */
@ConfigurationProperties("concordia.identity")
public class IdentityProperties {

    /** The issuer URI in every token; taken from each request when not set (fine for one host name only). */
    private @Nullable String issuer;

    /** Where people open their password links, e.g. {@code https://id.example.org}. */
    private String publicUrl = "http://localhost:9000";

    /** Audiences every access token carries besides its client, the ones resource servers accept. */
    private List<String> audiences = new ArrayList<>(List.of("concordia-api"));

    /** Person ids or e-mail addresses of the platform's operators. */
    private List<String> operators = new ArrayList<>();

    private Duration accessTokenTtl = Duration.ofMinutes(10);
    private Duration refreshTokenTtl = Duration.ofHours(8);
    private Duration passwordLinkTtl = Duration.ofHours(48);

    /** The sender of password links. */
    private String mailFrom = "Concordia <no-reply@concordia.example>";

    /** The demo password every demo person gets when {@code concordia.demo.load=true}; never used otherwise. */
    private String demoPassword = "concordia-demo";

    /** Registered clients by client id; a confidential client without a secret is not registered. */
    private Map<String, Client> clients = new LinkedHashMap<>();

    private final Keys keys = new Keys();
    private final RateLimit rateLimit = new RateLimit();

    public static class Client {
        /** Absent for a public client (PKCE, no client authentication). */
        private @Nullable String secret;

        private boolean publicClient;
        private List<String> grantTypes = new ArrayList<>();
        private List<String> redirectUris = new ArrayList<>();
        private List<String> scopes = new ArrayList<>();
        /** Platform roles of the client itself, in its client-credentials tokens, e.g. {@code operator}. */
        private List<String> platformRoles = new ArrayList<>();

        private boolean requireConsent;

        public @Nullable String getSecret() {
            return secret;
        }

        public void setSecret(@Nullable String secret) {
            this.secret = secret;
        }

        public boolean isPublicClient() {
            return publicClient;
        }

        public void setPublicClient(boolean publicClient) {
            this.publicClient = publicClient;
        }

        public List<String> getGrantTypes() {
            return grantTypes;
        }

        public void setGrantTypes(List<String> grantTypes) {
            this.grantTypes = grantTypes;
        }

        public List<String> getRedirectUris() {
            return redirectUris;
        }

        public void setRedirectUris(List<String> redirectUris) {
            this.redirectUris = redirectUris;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        public List<String> getPlatformRoles() {
            return platformRoles;
        }

        public void setPlatformRoles(List<String> platformRoles) {
            this.platformRoles = platformRoles;
        }

        public boolean isRequireConsent() {
            return requireConsent;
        }

        public void setRequireConsent(boolean requireConsent) {
            this.requireConsent = requireConsent;
        }
    }

    public static class Keys {
        /** How many keys before the current one stay published for verification after a rotation. */
        private int keepPrevious = 1;
        /** How often an instance re-reads the key ring, to follow a rotation made by another instance. */
        private Duration refresh = Duration.ofSeconds(30);

        public int getKeepPrevious() {
            return keepPrevious;
        }

        public void setKeepPrevious(int keepPrevious) {
            this.keepPrevious = keepPrevious;
        }

        public Duration getRefresh() {
            return refresh;
        }

        public void setRefresh(Duration refresh) {
            this.refresh = refresh;
        }
    }

    public static class RateLimit {
        /** Sign-in attempts per address and user name within {@link #period}. */
        private int signIn = 10;
        /** Token requests per address and client within {@link #period}. */
        private int token = 60;

        private Duration period = Duration.ofMinutes(1);

        public int getSignIn() {
            return signIn;
        }

        public void setSignIn(int signIn) {
            this.signIn = signIn;
        }

        public int getToken() {
            return token;
        }

        public void setToken(int token) {
            this.token = token;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }
    }

    public @Nullable String getIssuer() {
        return issuer;
    }

    public void setIssuer(@Nullable String issuer) {
        this.issuer = issuer;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public void setPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    public List<String> getAudiences() {
        return audiences;
    }

    public void setAudiences(List<String> audiences) {
        this.audiences = audiences;
    }

    public List<String> getOperators() {
        return operators;
    }

    public void setOperators(List<String> operators) {
        this.operators = operators;
    }

    public Duration getAccessTokenTtl() {
        return accessTokenTtl;
    }

    public void setAccessTokenTtl(Duration accessTokenTtl) {
        this.accessTokenTtl = accessTokenTtl;
    }

    public Duration getRefreshTokenTtl() {
        return refreshTokenTtl;
    }

    public void setRefreshTokenTtl(Duration refreshTokenTtl) {
        this.refreshTokenTtl = refreshTokenTtl;
    }

    public Duration getPasswordLinkTtl() {
        return passwordLinkTtl;
    }

    public void setPasswordLinkTtl(Duration passwordLinkTtl) {
        this.passwordLinkTtl = passwordLinkTtl;
    }

    public String getMailFrom() {
        return mailFrom;
    }

    public void setMailFrom(String mailFrom) {
        this.mailFrom = mailFrom;
    }

    public String getDemoPassword() {
        return demoPassword;
    }

    public void setDemoPassword(String demoPassword) {
        this.demoPassword = demoPassword;
    }

    public Map<String, Client> getClients() {
        return clients;
    }

    public void setClients(Map<String, Client> clients) {
        this.clients = clients;
    }

    public Keys getKeys() {
        return keys;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }
}
