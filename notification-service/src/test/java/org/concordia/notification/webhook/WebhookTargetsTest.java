package org.concordia.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.concordia.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

/** Where webhooks may point, with host names resolved by a resolver the test controls. */
class WebhookTargetsTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Each name resolves to its addresses; unknown names do not resolve. */
    private static WebhookTargets.Resolver names(Map<String, List<String>> names) {
        return host -> {
            if (host.matches("[0-9.]+") || host.startsWith("[")) {
                return new InetAddress[] {ip(host)};
            }
            List<String> addresses = names.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses.stream().map(WebhookTargetsTest::ip).toArray(InetAddress[]::new);
        };
    }

    private final WebhookTargets strict = new WebhookTargets(
            false,
            List.of(),
            names(Map.of(
                    "hooks.example.org", List.of("93.184.215.14"),
                    "localhost", List.of("127.0.0.1", "::1"),
                    "metadata.google.internal", List.of("169.254.169.254"),
                    "half.example.org", List.of("93.184.215.14", "10.1.2.3"),
                    "mapped.example.org", List.of("::ffff:192.168.0.1"),
                    "nat64.example.org", List.of("64:ff9b::a00:1"))));

    private static void refused(WebhookTargets targets, String url) {
        assertThatThrownBy(() -> targets.registrable(url))
                .as(url)
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("url"));
    }

    @Test
    void a_public_https_address_is_accepted() {
        assertThat(strict.registrable("https://hooks.example.org/concordia")).hasHost("hooks.example.org");
        assertThat(strict.registrable("https://93.184.215.14:8443/x")).hasPort(8443);
    }

    @Test
    void plain_http_is_refused_unless_allowed() {
        refused(strict, "http://hooks.example.org/concordia");
        WebhookTargets local = new WebhookTargets(true, List.of(), names(Map.of()));
        assertThat(local.registrable("http://93.184.215.14/x")).hasScheme("http");
    }

    @Test
    void names_and_addresses_of_the_own_or_a_private_network_are_refused() {
        for (String url : List.of(
                "https://localhost/x",
                "https://metadata.google.internal/computeMetadata/v1/",
                "https://half.example.org/x",
                "https://mapped.example.org/x",
                "https://nat64.example.org/x",
                "https://127.0.0.1/x",
                "https://10.1.2.3/x",
                "https://172.31.255.255/x",
                "https://192.168.10.1/x",
                "https://169.254.169.254/latest/meta-data/",
                "https://100.64.0.1/x",
                "https://0.0.0.0/x",
                "https://224.0.0.1/x",
                "https://255.255.255.255/x",
                "https://[::1]/x",
                "https://[::]/x",
                "https://[fe80::1]/x",
                "https://[fc00::1]/x",
                "https://[fd00:ec2::254]/x")) {
            refused(strict, url);
        }
    }

    @Test
    void credentials_in_the_address_and_addresses_without_a_host_are_refused() {
        refused(strict, "https://user:secret@hooks.example.org/x");
        refused(strict, "https:///x");
        refused(strict, "https://exa mple.org/x");
    }

    @Test
    void an_allowed_address_or_block_passes_and_nothing_else_does() {
        WebhookTargets local = new WebhookTargets(
                true, List.of("127.0.0.1", "10.20.0.0/16"), names(Map.of("localhost", List.of("127.0.0.1"))));

        assertThat(local.registrable("http://localhost:8080/x")).hasPort(8080);
        assertThat(local.registrable("http://10.20.30.40/x")).hasHost("10.20.30.40");
        refused(local, "http://10.21.0.1/x");
        refused(local, "http://127.0.0.2/x");
        refused(local, "https://[::1]/x");
    }

    @Test
    void a_name_that_does_not_resolve_yet_is_registered_and_checked_at_delivery() {
        URI unknown = strict.registrable("https://not-yet.example.org/x");

        assertThatThrownBy(() -> strict.deliverable(unknown))
                .isInstanceOf(WebhookTargets.Refused.class)
                .hasMessageContaining("cannot be resolved");
    }

    @Test
    void a_name_that_resolves_to_a_private_address_by_delivery_time_is_not_posted_to() throws Exception {
        Deque<String> answers = new ArrayDeque<>(List.of("93.184.215.14", "127.0.0.1"));
        WebhookTargets rebinding = new WebhookTargets(
                false, List.of(), host -> new InetAddress[] {ip(answers.isEmpty() ? "127.0.0.1" : answers.pop())});

        URI registered = rebinding.registrable("https://rebinding.example.org/x");

        assertThatThrownBy(() -> rebinding.deliverable(registered))
                .isInstanceOf(WebhookTargets.Refused.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void a_public_target_is_deliverable_and_plain_http_is_not_once_disallowed() {
        assertThatCode(() -> strict.deliverable(URI.create("https://hooks.example.org/x")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> strict.deliverable(URI.create("http://hooks.example.org/x")))
                .isInstanceOf(WebhookTargets.Refused.class);
    }
}
