package org.concordia.identity.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.identity.support.IntegrationTest;
import org.concordia.identity.support.OrganizationFeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coordinator gives a person of their organization (or of a chapter of it) a login; the person sets a password
 * through the one-time link that arrives by e-mail.
 */
class PasswordLinkTest extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/password\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    PasswordLinks links;

    String movement;
    String chapter;
    PersonRegistered coordinator;
    PersonRegistered member;

    @BeforeEach
    void aMovementWithAChapter() {
        movement = OrganizationFeed.newId();
        chapter = OrganizationFeed.newId();
        coordinator = OrganizationFeed.person(OrganizationFeed.newId(), "coordinator." + movement + "@example.org");
        member = OrganizationFeed.person(OrganizationFeed.newId(), "member." + chapter + "@example.org");
        try (OrganizationFeed feed = new OrganizationFeed()) {
            feed.publish(OrganizationFeed.organization(movement, null));
            feed.publish(OrganizationFeed.organization(chapter, movement));
            feed.publish(OrganizationFeed.joined(OrganizationFeed.newId(), movement, coordinator, "coordinator"));
            feed.publish(OrganizationFeed.joined(OrganizationFeed.newId(), chapter, member, "member"));
            awaitLogin(feed, coordinator);
            awaitLogin(feed, member);
        }
    }

    @Test
    void the_link_sets_the_password_once_and_the_person_signs_in_with_it() throws Exception {
        String coordinatorToken = signIn(coordinator);
        HttpResponse<String> given = giveLogin(coordinatorToken, member.personId());
        assertThat(given.statusCode()).isEqualTo(202);
        assertThat(given.body()).contains(member.email()).contains("expiresAt");

        String link = awaitLinkTo(member.email());
        HttpClient browser = browser();
        HttpResponse<String> form = get(browser, link);
        assertThat(form.statusCode()).isEqualTo(200);
        String token = link.substring(link.indexOf("token=") + 6);

        HttpResponse<String> weak = post(browser, form.body(), token, "short", "short");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("id=\"refused\"");

        HttpResponse<String> set =
                post(browser, form.body(), token, "a long and new password", "a long and new password");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("id=\"set\"");

        assertThat(verify(tokens.signIn(CONSOLE, CONSOLE_CALLBACK, "openid", member.email(), "a long and new password")
                                .accessToken())
                        .getSubject())
                .isEqualTo(member.personId());
        assertThatThrownBy(() -> tokens.signIn(CONSOLE, CONSOLE_CALLBACK, "openid", member.email(), DEMO_PASSWORD))
                .as("the password replaced the demo one")
                .hasMessageContaining("refused");

        HttpResponse<String> again =
                post(browser, form.body(), token, "another long password", "another long password");
        assertThat(again.statusCode()).as("a link works once").isEqualTo(410);
        assertThat(get(browser(), link).statusCode()).isEqualTo(410);
        assertThat(links.find(token)).as("only a hash of the token is stored").isEmpty();
    }

    @Test
    void an_expired_link_is_refused() {
        String token = LinkTokens.newToken();
        links.store(new PasswordLinks.Link(
                LinkTokens.hash(token), member.personId(), Instant.now().minusSeconds(1), false));
        HttpClient browser = browser();
        HttpResponse<String> page = get(browser, ISSUER + "/password?token=" + token);
        assertThat(page.statusCode()).isEqualTo(410);
        // the form from a valid link's page carries the CSRF token; the expired token is refused on submit too
        String valid = LinkTokens.newToken();
        links.store(new PasswordLinks.Link(
                LinkTokens.hash(valid), member.personId(), Instant.now().plusSeconds(600), false));
        HttpResponse<String> form = get(browser, ISSUER + "/password?token=" + valid);
        assertThat(post(browser, form.body(), token, "a long and new password", "a long and new password")
                        .statusCode())
                .isEqualTo(410);
        assertThat(get(browser, ISSUER + "/password?token=" + "x".repeat(5000)).statusCode())
                .isEqualTo(410);
    }

    @Test
    void only_coordinators_of_the_persons_organization_or_above_and_operators_give_logins() {
        String memberToken = signIn(member);
        assertThat(giveLogin(memberToken, coordinator.personId()).statusCode()).isEqualTo(403);
        assertThat(giveLogin(memberToken, member.personId()).statusCode())
                .as("a member does not give themselves a login")
                .isEqualTo(403);

        PersonRegistered stranger =
                OrganizationFeed.person(OrganizationFeed.newId(), "x." + OrganizationFeed.newId() + "@example.org");
        String elsewhere = OrganizationFeed.newId();
        try (OrganizationFeed feed = new OrganizationFeed()) {
            feed.publish(OrganizationFeed.joined(OrganizationFeed.newId(), elsewhere, stranger, "coordinator"));
            awaitLogin(feed, stranger);
        }
        assertThat(giveLogin(signIn(stranger), member.personId()).statusCode())
                .as("a coordinator of another organization")
                .isEqualTo(403);

        String operator = tokens.clientCredentials(OPERATOR_CLIENT, OPERATOR_SECRET, "api")
                .accessToken();
        assertThat(giveLogin(operator, member.personId()).statusCode()).isEqualTo(202);
        HttpResponse<String> unknown = giveLogin(operator, OrganizationFeed.newId());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(giveLogin(memberToken, OrganizationFeed.newId()).statusCode())
                .as("who is not an operator does not learn whether a person exists")
                .isEqualTo(403);
        assertThat(giveLogin(null, member.personId()).statusCode()).isEqualTo(401);

        HttpResponse<String> bad = giveLogin(operator, "bad%20id");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("personId");
    }

    private String signIn(PersonRegistered person) {
        return tokens.signIn(CONSOLE, CONSOLE_CALLBACK, "openid", person.email(), DEMO_PASSWORD)
                .accessToken();
    }

    private static HttpResponse<String> giveLogin(String token, String personId) {
        HttpRequest.Builder request =
                request("/api/v1/people/" + personId + "/login").POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static String awaitLinkTo(String email) {
        String[] link = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (MimeMessage message : MAIL.getReceivedMessages()) {
                if (Arrays.stream(message.getAllRecipients())
                        .anyMatch(a -> a.toString().equals(email))) {
                    Matcher matcher = LINK.matcher(message.getContent().toString());
                    if (matcher.find()) {
                        link[0] = matcher.group(1);
                        return true;
                    }
                }
            }
            return false;
        });
        return link[0];
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private static HttpResponse<String> get(HttpClient browser, String uri) {
        return exchange(browser, HttpRequest.newBuilder(URI.create(uri)));
    }

    private static HttpResponse<String> post(
            HttpClient browser, String formPage, String token, String password, String confirmation) {
        Matcher csrf = CSRF.matcher(formPage);
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        String body = "token=" + encode(token) + "&password=" + encode(password) + "&confirmation="
                + encode(confirmation) + "&_csrf=" + encode(csrf.group(1));
        return exchange(
                browser,
                HttpRequest.newBuilder(URI.create(ISSUER + "/password"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> exchange(HttpClient browser, HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
