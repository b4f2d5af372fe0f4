package org.concordia.console.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.concordia.testing.security.IdentityServiceTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The console in a real browser against the real services: a coordinator in Warsaw schedules a meeting for invitees
 * in Sofia, Warsaw and Sydney and sees each one's local time; a member in Sofia sees it arrive in her inbox without
 * reloading, accepts, and is told her waitlist position as the meeting is full; an operator replays a dead letter.
 * The browsers stay open from one step to the next, as the people's would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJourneysIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private Platform platform;
    private RestClient http;
    private IdentityServiceTokens tokens;
    private String operatorToken;
    private final Map<String, String> personTokens = new java.util.HashMap<>();
    private String organizationId;
    private Map<String, String> people;
    private Browser member;
    private Browser coordinator;
    private String title;
    private String meetingId;

    @BeforeAll
    void platformWithAnOrganizationAcrossThreeZones() throws Exception {
        platform = Platform.get();
        http = RestClient.create();
        tokens = new IdentityServiceTokens(platform.identityUri());
        // an operator onboards the organization and its first coordinator; the coordinator adds the members
        operatorToken = tokens.clientCredentials(Platform.OPERATOR_CLIENT, Platform.OPERATOR_SECRET, "api")
                .accessToken();
        organizationId = id(post(
                operatorToken,
                "organization-service",
                "/api/v1/organizations",
                Map.of(
                        "name", "Sieć Solidarności",
                        "kind", "ngo",
                        "country", "PL",
                        "city", "Warszawa",
                        "languages", List.of("pl", "en"))));
        people = Map.of(
                "anna", person("Anna Zielińska", "anna@concordia-journeys.example", "pl", "Europe/Warsaw"),
                "elena", person("Елена Георгиева", "elena@concordia-journeys.example", "bg", "Europe/Sofia"),
                "jack", person("Jack Turner", "jack@concordia-journeys.example", "en", "Australia/Sydney"),
                "ops", person("Olga Operator", Platform.OPERATOR_EMAIL, "en", "Europe/Warsaw"));
        join("anna", "coordinator", operatorToken);
        String anna = tokenOf("anna", "coordinator");
        join("elena", "member", anna);
        join("jack", "member", anna);
        // event-service knows the three invitees and their zones once it has read organization-events
        await("event-service knows the invitees")
                .atMost(Browser.PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Map<String, Object> view = post(
                            anna,
                            "event-service",
                            "/api/v1/time-zone-view",
                            Map.of(
                                    "start", "2030-01-09T09:00:00Z",
                                    "end", "2030-01-09T10:00:00Z",
                                    "targets", List.of(target("anna"), target("elena"), target("jack"))));
                    return ((Number) view.get("invitees")).intValue() == 3;
                });
        member = new Browser(platform);
        coordinator = new Browser(platform);
    }

    @AfterAll
    void closeBrowsers() {
        for (Browser browser : new Browser[] {member, coordinator}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void a_coordinator_schedules_a_meeting_seeing_the_local_times_in_sofia_warsaw_and_sydney() {
        member.signIn("elena@concordia-journeys.example").accessible();
        assertThat(member.find(By.tagName("h1")).getText()).isEqualTo("Известия");

        coordinator.signIn("anna@concordia-journeys.example").accessible();
        coordinator.open("/coordination").accessible().screenshot("coordination");
        assertThat(coordinator.text()).contains("Sieć Solidarności", "Jack Turner", "Australia/Sydney");

        coordinator.open("/coordination/meetings/new").accessible();
        LocalDate wednesday =
                LocalDate.now(ZoneId.of("Europe/Warsaw")).plusDays(2).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        fill("date", wednesday.toString());
        fill("time", "10:00");
        fill("durationMinutes", "60");
        fill("capacity", "1");
        fill("onlineLink", "https://meet.example/forum");
        for (String who : List.of("anna", "elena", "jack")) {
            coordinator.find(By.id("invitee-" + people.get(who))).click();
        }

        // the zone view follows the form
        coordinator
                .until()
                .until(d ->
                        d.findElements(By.cssSelector("#zones tr[data-zone]")).size() == 3);
        assertThat(zoneRow("Europe/Warsaw")).contains("10:00");
        assertThat(zoneRow("Europe/Sofia")).contains("11:00");
        assertThat(zoneRow("Australia/Sydney")).contains("20:00", "poza godzinami pracy");
        ((org.openqa.selenium.JavascriptExecutor) coordinator.driver())
                .executeScript("document.getElementById('zones').scrollIntoView({block: 'center'});");
        coordinator.accessible().screenshot("schedule");

        // the title is missing: event-service refuses, its message stands beside the field, in Polish, the rest kept
        coordinator.find(By.id("save")).click();
        WebElement error = coordinator.find(By.id("title-error"));
        assertThat(error.getText()).isEqualTo("Wypełnij to pole.");
        assertThat(coordinator.find(By.id("onlineLink")).getAttribute("value")).isEqualTo("https://meet.example/forum");
        assertThat(coordinator.find(By.id("invitee-" + people.get("jack"))).isSelected())
                .isTrue();
        coordinator.accessible();

        title = "Cross-border forum " + UUID.randomUUID().toString().substring(0, 6);
        fill("title", title);
        coordinator.find(By.id("save")).click();
        coordinator.until().until(d -> d.getCurrentUrl().matches(".*/coordination/meetings/[^/]+$"));
        meetingId = coordinator.driver().getCurrentUrl().replaceAll(".*/", "");
        assertThat(coordinator.find(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(coordinator.text()).contains("Europe/Sofia", "Australia/Sydney", "Europe/Warsaw");
        coordinator.accessible().screenshot("meeting-coordinator");
    }

    @Test
    @Order(2)
    void a_member_sees_it_arrive_live_accepts_and_is_told_her_place_on_the_waitlist() {
        // the member's inbox has been open since before the meeting was scheduled: it arrives without a reload
        WebElement arrived = member.until()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//ul[@id='inbox']/li[contains(., '" + title + "')]")));
        assertThat(arrived.getText()).contains(title);
        member.until().until(d -> {
            String count = d.findElement(By.id("unread")).getText().strip();
            return !count.isEmpty() && !count.equals("0");
        });
        int unread = Integer.parseInt(member.find(By.id("unread")).getText().strip());
        member.accessible().screenshot("inbox");

        arrived.findElement(By.cssSelector("form.mark-read button")).click();
        member.until()
                .until(d -> d.findElement(By.id("unread"))
                        .getText()
                        .strip()
                        .equals(unread > 1 ? String.valueOf(unread - 1) : "0"));

        // the only seat goes to Jack first
        Map<String, Object> jacks = post(
                tokenOf("jack", "member"),
                "event-service",
                "/api/v1/meetings/" + meetingId + "/registrations",
                Map.of("personId", people.get("jack"), "answer", "accepted"));
        assertThat(jacks.get("status")).isEqualTo("confirmed");

        member.open("/meetings");
        WebElement card = member.find(By.id("m-" + meetingId));
        assertThat(card.getText()).contains(title, "(Europe/Sofia)");
        card.findElement(By.cssSelector("button[value=accepted]")).click();
        WebElement status = member.find(By.id("status-" + meetingId));
        assertThat(status.getText()).contains("листата на чакащите", "1-о място");
        member.accessible().fitsAPhone().screenshot("meetings");

        member.open("/meetings/" + meetingId).accessible();
        assertThat(member.text()).contains("Australia/Sydney");

        // a member never sees a coordinator's screens
        member.open("/coordination/meetings/new");
        assertThat(member.all(By.id("schedule"))).isEmpty();

        // the language is hers to switch
        member.open("/inbox");
        new org.openqa.selenium.support.ui.Select(member.find(By.id("language"))).selectByValue("en");
        member.find(By.cssSelector("form[action='/language'] button")).click();
        // the heading read may still be the page's before the switch, gone as the next one loads: read it again
        member.until()
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("h1")).getText().equals("Inbox"));
        assertThat(member.find(By.tagName("h1")).getText()).isEqualTo("Inbox");
    }

    @Test
    @Order(3)
    void an_operator_replays_a_dead_letter() {
        String eventId = UUID.randomUUID().toString();
        poison(eventId);

        try (Browser operator = new Browser(platform)) {
            operator.signIn(Platform.OPERATOR_EMAIL);
            By letter = By.cssSelector("tr.dead-letter[data-event-id='" + eventId + "']");
            await("the poison is dead-lettered")
                    .atMost(Browser.PATIENCE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> !operator.open("/operations").all(letter).isEmpty());
            operator.accessible().screenshot("operations");
            operator.find(letter).findElement(By.cssSelector("button.replay")).click();
            assertThat(operator.find(By.cssSelector(".notice")).getText()).contains("Replayed");
        }
    }

    @Test
    @Order(4)
    void the_services_take_the_providers_tokens_and_apply_their_rules() {
        String elena = tokenOf("elena", "member");
        String organization = "/api/v1/organizations/" + organizationId;

        assertThat(status(elena, "organization-service", "GET", organization)).isEqualTo(200);
        assertThat(status(null, "organization-service", "GET", organization)).isEqualTo(401);
        String forged =
                elena.substring(0, elena.lastIndexOf('.') + 1) + "AAAA" + elena.substring(elena.lastIndexOf('.') + 5);
        assertThat(status(forged, "organization-service", "GET", organization)).isEqualTo(401);
        // a member does not add people to her organization; her coordinator did, with her own token
        assertThat(status(elena, "organization-service", "POST", organization + "/members"))
                .isEqualTo(403);

        // a person reads only her own notifications
        String own = "/api/v1/people/" + people.get("elena") + "/notifications/unread-count";
        String jacks = "/api/v1/people/" + people.get("jack") + "/notifications/unread-count";
        assertThat(status(elena, "notification-service", "GET", own)).isEqualTo(200);
        assertThat(status(elena, "notification-service", "GET", jacks)).isEqualTo(403);

        // metrics and dead letters are for operators
        assertThat(status(elena, "notification-service", "GET", "/actuator/prometheus"))
                .isEqualTo(403);
        assertThat(status(operatorToken, "notification-service", "GET", "/actuator/prometheus"))
                .isEqualTo(200);
    }

    @Test
    @Order(5)
    void a_coordinator_writes_an_announcement_in_bulgarian_and_english_sees_its_reach_and_a_member_reads_it() {
        coordinator.open("/coordination/announcements/new").accessible();

        // nothing written: refused beside the texts, in Polish, the audience kept
        coordinator.find(By.id("send")).click();
        assertThat(coordinator.find(By.id("texts-error")).getText())
                .isEqualTo("Napisz temat i treść w co najmniej jednym języku.");
        assertThat(coordinator.find(By.id("audience-organization_members")).isSelected())
                .isTrue();
        coordinator.accessible();

        String subject = "Форум на мрежата " + UUID.randomUUID().toString().substring(0, 6);
        coordinator.find(By.id("tab-bg")).click();
        type("subjectBg", subject);
        type("bodyBg", "Каним ви на **форума** на мрежата.");
        coordinator.find(By.id("tab-en")).click();
        type("subjectEn", "The network's forum");
        type("bodyEn", "You are invited to the network's **forum**.");
        assertThat(coordinator.find(By.id("bodyBg")).isDisplayed())
                .as("one language tab at a time")
                .isFalse();

        // Anna (Polish, not written: the organization's next language, English), Elena (Bulgarian), Jack (English)
        coordinator.find(By.id("preview")).click();
        // before the texts the reach counted each person's own language; now the languages written
        // (each change of the form redraws the reach too, so it is read whole, as it stands once settled)
        coordinator
                .until()
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("reach-people")).getText().endsWith(" 3")
                        && d.findElement(By.id("reach-fallbacks")).getText().endsWith(" 1")
                        && reachRow(d, "reach-languages", "data-language", "bg").endsWith("1")
                        && reachRow(d, "reach-languages", "data-language", "en").endsWith("2")
                        && reachRow(d, "reach-countries", "data-country", "PL").endsWith("3"));
        coordinator.accessible().screenshot("announcement");

        coordinator.find(By.id("send")).click();
        coordinator.until().until(d -> d.getCurrentUrl().matches(".*/coordination/announcements/[^/]+$"));
        assertThat(coordinator.find(By.id("status")).getText()).isEqualTo("Wysłane");

        // Elena reads it in Bulgarian, whatever language her console speaks
        member.open("/inbox");
        await("the announcement reaches Elena's inbox")
                .atMost(Browser.PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> member.open("/inbox").text().contains(subject));
        assertThat(member.text()).contains("Каним ви на форума на мрежата.").doesNotContain("The network's forum");
        member.accessible();

        // the report counts the three recipients and the fallback
        await("the report counts the recipients")
                .atMost(Browser.PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    coordinator.driver().navigate().refresh();
                    return coordinator
                            .find(By.id("report-recipients"))
                            .getText()
                            .equals("3");
                });
        assertThat(coordinator.text()).contains("Anna Zielińska (pl → en)");
        coordinator.accessible().screenshot("announcement-report");
    }

    private void type(String id, String value) {
        WebElement field = coordinator.find(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static String reachRow(org.openqa.selenium.WebDriver driver, String table, String attribute, String key) {
        return driver.findElement(By.cssSelector("#" + table + " tr[" + attribute + "='" + key + "']"))
                .getText()
                .strip();
    }

    private int status(String token, String service, String method, String path) {
        var request =
                http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(platform.uri(service) + path);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("POST")) {
            request = request.contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("personId", people.get("jack"), "roles", List.of("coordinator")));
        }
        return request.exchange((req, res) -> res.getStatusCode().value());
    }

    private void fill(String id, String value) {
        WebElement field = coordinator.find(By.id(id));
        field.clear();
        if (List.of("date", "time").contains(id)) {
            // date and time inputs take what a person types through script most reliably across locales
            ((org.openqa.selenium.JavascriptExecutor) coordinator.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1];"
                                    + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                            field,
                            value);
            return;
        }
        field.sendKeys(value);
    }

    private String zoneRow(String zone) {
        return coordinator
                .find(By.cssSelector("#zones tr[data-zone='" + zone + "']"))
                .getText();
    }

    /** A record no consumer can read, on the topic notification-service consumes meetings from. */
    private void poison(String eventId) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", platform.infrastructure().kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record =
                    new ProducerRecord<>("meeting-events", "journey-" + eventId, "{not json");
            record.headers()
                    .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_id", eventId.getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", "concordia.meeting.scheduled.v1".getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", "/event-service".getBytes(StandardCharsets.UTF_8))
                    .add("ce_subject", ("journey-" + eventId).getBytes(StandardCharsets.UTF_8))
                    .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String person(String name, String email, String language, String zone) {
        String id = id(post(
                operatorToken,
                "organization-service",
                "/api/v1/people",
                Map.of("fullName", name, "email", email, "preferredLanguage", language, "timeZone", zone)));
        emails.put(id, email);
        return id;
    }

    private final Map<String, String> emails = new java.util.HashMap<>();

    /**
     * The person's access token from identity-service, through the sign-in form with PKCE as the console gets it,
     * once identity-service has learned their role in the organization (tokens carry the roles of the moment).
     */
    private String tokenOf(String who, String role) {
        return personTokens.computeIfAbsent(
                who,
                name -> await(name + "'s token names their role")
                        .atMost(Browser.PATIENCE)
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions()
                        .until(
                                () -> tokens.signIn(
                                                "concordia-console",
                                                platform.consoleUri() + "/login/oauth2/code/concordia",
                                                "openid profile email",
                                                emails.get(people.get(name)),
                                                Platform.DEMO_PASSWORD)
                                        .accessToken(),
                                token -> claims(token).contains(organizationId)
                                        && claims(token).contains(role)));
    }

    private static String claims(String token) {
        return new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private void join(String who, String role, String token) {
        post(
                token,
                "organization-service",
                "/api/v1/organizations/" + organizationId + "/members",
                Map.of("personId", people.get(who), "roles", List.of(role)));
    }

    private Map<String, Object> target(String who) {
        return Map.of("kind", "person", "personId", people.get(who));
    }

    private Map<String, Object> post(String token, String service, String path, Object body) {
        return http.post()
                .uri(platform.uri(service) + path)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(JSON);
    }

    private static String id(Map<String, Object> created) {
        return String.valueOf(created.get("id"));
    }
}
