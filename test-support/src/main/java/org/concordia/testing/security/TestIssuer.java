package org.concordia.testing.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An issuer for unit-speed web tests: an RSA key made at first use, its public half served as a JWKS over real HTTP
 * on a free port, and tokens signed with it carrying the platform's claims. A service under test is pointed at it
 * with {@link #properties()}, and checks the tokens exactly as it would check the identity-service's.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "concordia-api";

    private static @Nullable TestIssuer instance;

    private final RSAKey key;
    private final RSAKey stranger;
    private final HttpServer server;
    private final String issuerUri;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("cannot start the test issuer", e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.setExecutor(null);
        // the server's dispatcher thread takes the daemon status of the thread that starts it: a daemon one, so the
        // issuer never keeps a finished program (a benchmark, a drill) from exiting
        Thread starter = new Thread(server::start, "test-issuer-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the test issuer", e);
        }
        issuerUri = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The one test issuer of this JVM, so that cached Spring contexts keep trusting it. */
    public static synchronized TestIssuer get() {
        if (instance == null) {
            instance = new TestIssuer();
        }
        return instance;
    }

    public String issuerUri() {
        return issuerUri;
    }

    /** What a service needs to trust this issuer, for {@code @SpringBootTest(properties = ...)} or a property source. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("concordia.security.enabled", "true");
        properties.put("concordia.security.issuer-uri", issuerUri);
        properties.put("concordia.security.audiences", AUDIENCE);
        return properties;
    }

    /** A token for a person; add memberships, roles and other changes before {@link Token#sign()}. */
    public Token person(String personId) {
        return new Token(personId).claim("person_id", personId);
    }

    /** A token for a client acting for itself (client credentials). */
    public Token client(String clientId) {
        return new Token(clientId).claim("client_id", clientId);
    }

    /**
     * The same token with one character of its payload changed, so that its signature no longer matches: what a
     * caller trying to give themselves more rights would send.
     */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = payload.replace("\"sub\":\"", "\"sub\":\"x");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    /** A token being put together. */
    public final class Token {
        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        private final List<Map<String, Object>> memberships = new ArrayList<>();
        private final List<String> platformRoles = new ArrayList<>();
        private boolean signedByStranger;

        private Token(String subject) {
            Instant now = Instant.now();
            claims.subject(subject)
                    .issuer(issuerUri)
                    .audience(List.of(AUDIENCE))
                    .issueTime(Date.from(now))
                    .notBeforeTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                    .jwtID(UUID.randomUUID().toString());
        }

        public Token claim(String name, @Nullable Object value) {
            claims.claim(name, value);
            return this;
        }

        /** Roles in one organization, as the {@code memberships} claim carries them. */
        public Token member(String organizationId, String... roles) {
            memberships.add(Map.of("organizationId", organizationId, "roles", List.of(roles)));
            return this;
        }

        public Token operator() {
            platformRoles.add("operator");
            return this;
        }

        public Token audience(String... audiences) {
            claims.audience(List.of(audiences));
            return this;
        }

        public Token issuer(String issuer) {
            claims.issuer(issuer);
            return this;
        }

        /** Issued and expired in the past, beyond any clock skew a service allows. */
        public Token expired() {
            Instant past = Instant.now().minus(Duration.ofHours(2));
            claims.issueTime(Date.from(past))
                    .notBeforeTime(Date.from(past))
                    .expirationTime(Date.from(past.plus(Duration.ofMinutes(10))));
            return this;
        }

        /** Signed by another key under the same key id: what a forger without the issuer's key can make. */
        public Token signedByStranger() {
            signedByStranger = true;
            return this;
        }

        public String sign() {
            if (!memberships.isEmpty()) {
                claims.claim("memberships", memberships);
            }
            if (!platformRoles.isEmpty()) {
                claims.claim("platform_roles", platformRoles);
            }
            RSAKey signer = signedByStranger ? stranger : key;
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signer.getKeyID())
                            .build(),
                    claims.build());
            try {
                jwt.sign(new RSASSASigner(signer));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
