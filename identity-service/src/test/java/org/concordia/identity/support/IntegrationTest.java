package org.concordia.identity.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.identity.directory.Directory;
import org.concordia.identity.login.Credentials;
import org.concordia.testing.TestInfrastructureInitializer;
import org.concordia.testing.WithInfrastructure;
import org.concordia.testing.security.IdentityServiceTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one context the integration tests share: the whole service on a port chosen before it starts (the issuer URI
 * names it), the real broker and store, GreenMail for SMTP, and the demo switch on, so every person published gets
 * the demo password. Tests use people and organizations of their own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = TestInfrastructureInitializer.TEST_ISSUER + "=false")
@WithInfrastructure
public abstract class IntegrationTest {

    public static final int PORT = freePort();
    public static final String ISSUER = "http://127.0.0.1:" + PORT;
    public static final String DEMO_PASSWORD = "concordia-demo";
    public static final String CONSOLE = "concordia-console";
    public static final String CONSOLE_CALLBACK = "http://127.0.0.1/console/callback";
    public static final String PORTAL = "test-portal";
    public static final String PORTAL_SECRET = "portal-secret";
    public static final String PORTAL_CALLBACK = "http://127.0.0.1/portal/callback";
    public static final String OPERATOR_CLIENT = "concordia-operator";
    public static final String OPERATOR_SECRET = "operator-secret";
    public static final String SERVICES_CLIENT = "concordia-services";
    public static final String SERVICES_SECRET = "services-secret";
    public static final int TOKEN_LIMIT = 100;
    public static final int SIGN_IN_LIMIT = 5;

    public static final GreenMail MAIL = startMail();

    @Autowired
    protected Credentials credentials;

    @Autowired
    protected Directory directory;

    protected final IdentityServiceTokens tokens = new IdentityServiceTokens(ISSUER);

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("server.port", PORT),
                Map.entry("concordia.identity.issuer", ISSUER),
                Map.entry("concordia.identity.public-url", ISSUER),
                Map.entry("concordia.identity.operators", "operator@concordia.example"),
                Map.entry("concordia.identity.clients.concordia-console.redirect-uris", CONSOLE_CALLBACK),
                Map.entry("concordia.identity.clients.concordia-operator.secret", OPERATOR_SECRET),
                Map.entry("concordia.identity.clients.concordia-services.secret", SERVICES_SECRET),
                Map.entry("concordia.identity.clients.test-portal.secret", PORTAL_SECRET),
                Map.entry("concordia.identity.clients.test-portal.grant-types", "authorization_code,refresh_token"),
                Map.entry("concordia.identity.clients.test-portal.redirect-uris", PORTAL_CALLBACK),
                Map.entry("concordia.identity.clients.test-portal.scopes", "openid,profile,email"),
                Map.entry("concordia.identity.rate-limit.token", TOKEN_LIMIT),
                Map.entry("concordia.identity.rate-limit.sign-in", SIGN_IN_LIMIT),
                // long enough that no bucket refills noticeably while a test runs, however slow the machine
                Map.entry("concordia.identity.rate-limit.period", "1h"),
                Map.entry("concordia.identity.keys.refresh", "2s"),
                Map.entry("concordia.demo.load", "true"),
                Map.entry("spring.mail.host", "127.0.0.1"),
                Map.entry("spring.mail.port", MAIL.getSmtp().getPort()),
                Map.entry("spring.cloud.stream.bindings.learnPeople-in-0.consumer.back-off-initial-interval", 100),
                Map.entry("spring.cloud.stream.bindings.learnPeople-in-0.consumer.back-off-max-interval", 200));
        properties.forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Publishes the person and waits until they can sign in with the demo password. */
    protected void awaitLogin(OrganizationFeed feed, PersonRegistered person) {
        feed.publish(person);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> credentials.passwordHash(person.personId()).isPresent()
                        && directory.personByEmail(person.email()).isPresent());
    }

    /** Verifies a token as any resource server would: against the keys published on the JWKS, over HTTP. */
    protected static Jwt verify(String token) {
        return NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build().decode(token);
    }

    protected static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient()
                    .send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(ISSUER + path));
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
