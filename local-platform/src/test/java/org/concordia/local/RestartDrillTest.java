package org.concordia.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fault drill: the whole platform (broker, store, services) stops and starts again on its data folder, as
 * {@code ./run-local} does. Everything written before is found again, nothing is published or notified again, and the
 * platform goes on where it stopped.
 */
class RestartDrillTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    private DrillPlatform platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void a_restarted_platform_keeps_everything_and_repeats_nothing() throws Exception {
        platform = DrillPlatform.openKeepingData("restart", data);
        ServiceProcess organizations = platform.start("organization-service", null);
        ServiceProcess beforeRestart = platform.start("notification-service", null);
        platform.awaitReady(organizations, beforeRestart);
        String organization =
                created(platform.call(organizations, "POST", "/api/v1/organizations", """
                {"name": "Регионална асоциация на общините „Тракия“ %s", "kind": "association_of_municipalities",
                 "country": "bg", "city": "Пловдив", "languages": ["bg", "en"]}""".formatted(unique())));
        String first = created(platform.call(organizations, "POST", "/api/v1/people", person("Мария Иванова")));
        join(organizations, organization, first);
        await().atMost(Duration.ofMinutes(2)).until(() -> total(beforeRestart, first) == 1);
        await().atMost(Duration.ofMinutes(2)).until(() -> platform.mail().getReceivedMessages().length == 1);
        double publishedBefore = platform.metric(organizations, "concordia_outbox_published_total");

        platform.stop(organizations);
        platform.stop(beforeRestart);
        platform.close();

        platform = DrillPlatform.openKeepingData("restart", data);
        organizations = platform.start("organization-service", null);
        ServiceProcess notifications = platform.start("notification-service", null);
        platform.awaitReady(organizations, notifications);
        // What was written is there.
        assertThat(platform.call(organizations, "GET", "/api/v1/organizations/" + organization, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(total(notifications, first)).isEqualTo(1);
        // A new member after the restart: once their welcome is in, everything before it on the topic has been
        // seen again by the consumers, if it were going to be.
        String second = created(platform.call(organizations, "POST", "/api/v1/people", person("Георги Петров")));
        join(organizations, organization, second);
        await().atMost(Duration.ofMinutes(2)).until(() -> total(notifications, second) == 1);
        await().atMost(Duration.ofMinutes(2)).until(() -> platform.mail().getReceivedMessages().length >= 1);

        double republished = platform.metric(organizations, "concordia_outbox_published_total");
        int mails = platform.mail().getReceivedMessages().length;
        int firstNotifications = total(notifications, first);
        System.out.printf(
                "Restart drill: before the restart %.0f events published and 1 welcome sent; after it %.0f events"
                        + " published (the new person and membership), the first member's notifications %d, e-mails"
                        + " %d (the new member's welcome only)%n",
                publishedBefore, republished, firstNotifications, mails);
        assertThat(firstNotifications)
                .as("the first member's notifications after the restart")
                .isEqualTo(1);
        assertThat(republished)
                .as("events published after the restart: the new person and membership")
                .isEqualTo(2);
        assertThat(mails)
                .as("e-mails after the restart: the new member's welcome")
                .isEqualTo(1);
    }

    /** As a coordinator of the organization adds a member. */
    private void join(ServiceProcess organizations, String organization, String person) {
        created(platform.call(
                TestIssuer.get()
                        .person("drill-coordinator")
                        .member(organization, "coordinator")
                        .sign(),
                organizations,
                "POST",
                "/api/v1/organizations/" + organization + "/members",
                "{\"personId\": \"%s\", \"roles\": [\"member\"]}".formatted(person)));
    }

    private int total(ServiceProcess notifications, String person) {
        HttpResponse<String> count = platform.call(
                TestIssuer.get().person(person).sign(),
                notifications,
                "GET",
                "/api/v1/people/" + person + "/notifications/unread-count",
                null);
        return count.statusCode() == 200
                ? JSON.readTree(count.body()).path("total").asInt()
                : -1;
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asString();
    }

    private static String person(String name) {
        return """
                {"fullName": "%s", "email": "%s@example.org", "preferredLanguage": "bg", "timeZone": "Europe/Sofia"}""".formatted(name, unique());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
