package org.concordia.console.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * A coordinator's own screens in a real browser against the real services, on the journeys' shared platform: Marta in
 * Kraków coordinates a Polish association and a Bulgarian foundation; she follows a project with partners in three
 * countries and its milestones, organizes a meeting with a seat per delegation and reads who fills them, and writes the
 * minutes of a meeting that took place.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoordinatorJourneysIT {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private Platform platform;
    private PlatformApi api;
    private String polish;
    private String bulgarian;
    private String austrian;
    private String marta;
    private String petar;
    private String iva;
    private String martasToken;
    private Browser coordinator;

    @BeforeAll
    void aCoordinatorOfTwoOrganizationsWithMembersInSofia() throws Exception {
        platform = Platform.get();
        api = new PlatformApi(platform);
        polish = api.organization("Most Współpracy", "PL", "Kraków", "pl");
        bulgarian = api.organization("Фондация Мост", "BG", "Пловдив", "bg");
        austrian = api.organization("Verein Brücke", "AT", "Graz", "de");
        marta = api.person("Marta Kowalczyk", "marta@coordinator-journeys.example", "pl", "Europe/Warsaw");
        petar = api.person("Петър Иванов", "petar@coordinator-journeys.example", "bg", "Europe/Sofia");
        iva = api.person("Ива Димитрова", "iva@coordinator-journeys.example", "bg", "Europe/Sofia");
        api.join(api.operator(), polish, marta, "coordinator");
        api.join(api.operator(), bulgarian, marta, "coordinator");
        martasToken = api.tokenOf(marta, List.of(polish, bulgarian));
        api.join(martasToken, bulgarian, petar, "member");
        api.join(martasToken, bulgarian, iva, "member");
        coordinator = new Browser(platform);
        coordinator.signIn(api.email(marta));
    }

    @AfterAll
    void closeBrowser() {
        if (coordinator != null) {
            coordinator.close();
        }
    }

    @Test
    @Order(1)
    void a_coordinator_follows_a_project_with_partners_by_country_and_its_milestones() {
        LocalDate today = LocalDate.now(WARSAW);
        String project = PlatformApi.id(api.postOnceKnown(
                martasToken,
                "project-service",
                "/api/v1/projects",
                Map.of(
                        "title",
                        "Mosty integracji",
                        "summary",
                        "Miasta uczą się od siebie nawzajem, jak witać nowych mieszkańców.",
                        "leadOrganizationId",
                        polish,
                        "plannedStart",
                        today.minusDays(60).toString(),
                        "plannedEnd",
                        today.plusDays(300).toString())));
        String partners = "/api/v1/projects/" + project + "/partners";
        api.postOnceKnown(martasToken, "project-service", partners, Map.of("organizationId", bulgarian));
        api.postOnceKnown(martasToken, "project-service", partners, Map.of("organizationId", austrian));
        api.post(martasToken, "project-service", partners + "/" + bulgarian + "/accept", Map.of());
        String milestones = "/api/v1/projects/" + project + "/milestones";
        api.post(
                martasToken,
                "project-service",
                milestones,
                milestone("forum", "Forum w Płowdiwie", "BG", "Plovdiv", -20));
        api.post(
                martasToken,
                "project-service",
                milestones,
                milestone("study_visit", "Wizyta studyjna w Grazu", "AT", "Graz", 40));
        api.post(
                martasToken,
                "project-service",
                milestones,
                Map.of(
                        "kind",
                        "report",
                        "title",
                        "Raport końcowy",
                        "dueDate",
                        today.plusDays(280).toString()));

        coordinator.open("/coordination").accessible();
        coordinator.find(By.linkText("Projekty")).click();
        coordinator
                .find(By.id("p-" + project))
                .findElement(By.linkText("Mosty integracji"))
                .click();
        assertThat(coordinator.find(By.tagName("h1")).getText()).isEqualTo("Mosty integracji");

        // partners grouped by country, in Polish, each with its answer
        assertThat(country("BG")).contains("Bułgaria", "Фондация Мост", "przyjęła zaproszenie");
        assertThat(country("AT")).contains("Austria", "Verein Brücke", "zaproszona, bez odpowiedzi");
        assertThat(country("PL")).contains("Polska", "Most Współpracy", "prowadzi projekt");

        // the timeline by date, the next milestone marked, days as written in Polish
        List<String> timeline = coordinator.all(By.cssSelector("#timeline li")).stream()
                .map(item -> item.getText())
                .toList();
        assertThat(timeline).hasSize(3);
        assertThat(timeline.get(0)).contains("Forum w Płowdiwie", "Bułgaria, Plovdiv");
        assertThat(coordinator.find(By.cssSelector("#timeline li.next")).getText())
                .contains("Wizyta studyjna", "Wizyta studyjna w Grazu", "Austria, Graz", "następny");
        assertThat(timeline.get(2))
                .contains("Raport końcowy", String.valueOf(today.plusDays(280).getYear()));
        assertThat(coordinator.text()).contains("(Europe/Warsaw)");
        coordinator.accessible().screenshot("project");
    }

    @Test
    @Order(2)
    void
            an_organizer_schedules_a_weekly_series_with_a_seat_per_delegation_reads_who_fills_them_and_sees_the_conflict() {
        awaitInvitees(Map.of("kind", "organization_members", "organizationId", bulgarian), 3);
        coordinator.open("/coordination/meetings/new").accessible();
        fill("title", "Forum delegacji");
        fill("date", nextWeekday().toString());
        fill("time", "10:00");
        fill("onlineLink", "https://meet.example/delegations");
        fill("seatsPerOrganization", "1");
        new Select(coordinator.find(By.id("repeat"))).selectByValue("weekly");
        fill("occurrences", "3");
        coordinator.find(By.id("organization-" + bulgarian)).click();
        // the zone view counts the foundation's members behind the one target
        coordinator
                .until()
                .until(d ->
                        d.findElements(By.cssSelector("#zones tr[data-zone]")).size() == 2);
        assertThat(coordinator
                        .find(By.cssSelector("#zones tr[data-zone='Europe/Sofia']"))
                        .getText())
                .contains("11:00");
        coordinator.find(By.id("save")).click();
        coordinator.until().until(d -> d.getCurrentUrl().matches(".*/coordination/meetings/[^/]+$"));
        String meeting = coordinator.driver().getCurrentUrl().replaceAll(".*/", "");
        assertThat(coordinator.all(By.cssSelector("#occurrences li"))).hasSize(3);

        // the foundation's coordinator answers for her delegation: one seat, so the second waits
        String registrations = "/api/v1/meetings/" + meeting + "/registrations";
        api.post(martasToken, "event-service", registrations, Map.of("personId", petar, "answer", "accepted"));
        api.post(martasToken, "event-service", registrations, Map.of("personId", iva, "answer", "accepted"));

        coordinator.open("/coordination/meetings/" + meeting);
        String delegation = coordinator
                .find(By.cssSelector("#delegations tr[data-organization='" + bulgarian + "']"))
                .getText();
        assertThat(delegation).contains("Фондация Мост", "1 z 1", "Петър Иванов", "Ива Димитрова");
        assertThat(coordinator
                        .all(By.cssSelector("#registrations tr[data-person='" + iva + "']"))
                        .get(0)
                        .getText())
                .contains("na liście oczekujących", "Фондация Мост", "1");
        ((JavascriptExecutor) coordinator.driver())
                .executeScript("document.getElementById('delegations').scrollIntoView({block: 'center'});");
        coordinator.accessible().screenshot("meeting-delegations");

        // another meeting drafted at the series' first time: Petar's accepted seat shows before anything is saved
        coordinator.open("/coordination/meetings/new");
        fill("title", "Rozmowa z Petrem");
        fill("date", nextWeekday().toString());
        fill("time", "10:30");
        coordinator.find(By.id("invitee-" + petar)).click();
        assertThat(coordinator.find(By.id("conflicts-check")).getAttribute("aria-live"))
                .isEqualTo("polite");
        WebElement check = coordinator.find(By.id("check-conflicts"));
        assertThat(check.getText()).isEqualTo("Sprawdź kolizje");
        check.sendKeys(Keys.ENTER);
        coordinator
                .until()
                .until(d ->
                        !d.findElements(By.cssSelector("#draft-conflicts li")).isEmpty());
        assertThat(coordinator.find(By.cssSelector("#draft-conflicts li")).getText())
                .contains("Петър Иванов", "Forum delegacji", "10:00", "Europe/Warsaw");
        assertThat(coordinator.driver().getCurrentUrl()).endsWith("/coordination/meetings/new");
        coordinator.accessible();
    }

    @Test
    @Order(3)
    void an_organizer_writes_and_publishes_the_minutes_of_a_meeting_that_took_place() {
        ZonedDateTime yesterday =
                LocalDate.now(WARSAW).minusDays(1).atTime(10, 0).atZone(WARSAW);
        String meeting = PlatformApi.id(api.postOnceKnown(
                martasToken,
                "event-service",
                "/api/v1/meetings",
                Map.of(
                        "title",
                        "Spotkanie zespołu projektu",
                        "organizationId",
                        polish,
                        "format",
                        "online",
                        "onlineLink",
                        "https://meet.example/team",
                        "start",
                        yesterday.toOffsetDateTime().toString(),
                        "end",
                        yesterday.plusHours(1).toOffsetDateTime().toString(),
                        "timeZone",
                        "Europe/Warsaw",
                        "targets",
                        List.of(Map.of("kind", "person", "personId", petar)))));

        coordinator.open("/coordination/meetings/" + meeting);
        coordinator.find(By.id("held")).click();
        coordinator.until().until(d -> d.getCurrentUrl().endsWith("/minutes"));
        coordinator.accessible();

        // an action item without the summary: refused beside the summary, in Polish, the item kept
        fill("item-0-description", "Przygotować program wizyty w Grazu");
        new Select(coordinator.find(By.id("item-0-owner"))).selectByValue(petar);
        fill("item-0-due", LocalDate.now(WARSAW).plusDays(14).toString());
        coordinator.find(By.id("publish")).click();
        assertThat(coordinator.find(By.id("summary-error")).getText()).isEqualTo("Wypełnij to pole.");
        assertThat(coordinator.find(By.id("item-0-description")).getAttribute("value"))
                .isEqualTo("Przygotować program wizyty w Grazu");
        assertThat(new Select(coordinator.find(By.id("item-0-owner")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(petar);
        coordinator.accessible();

        fill("summary", "Omówiliśmy program wizyty studyjnej i podział zadań.");
        fill("decisions", "Wizyta w Grazu w przyszłym miesiącu");
        coordinator.find(By.id("publish")).click();
        assertThat(coordinator.find(By.cssSelector(".notice")).getText()).contains("Protokół opublikowany");
        String item =
                coordinator.find(By.cssSelector("table.action-items tbody tr")).getText();
        assertThat(item).contains("Przygotować program wizyty w Grazu", "Петър Иванов", "otwarte");
        coordinator.accessible().screenshot("minutes");

        coordinator.find(By.cssSelector("table.action-items button")).click();
        assertThat(coordinator
                        .find(By.cssSelector("table.action-items tbody tr"))
                        .getText())
                .contains("wykonane");
    }

    @Test
    @Order(4)
    void a_coordinator_schedules_a_meeting_with_the_keyboard_alone() {
        coordinator.open("/coordination/meetings/new");
        tabTo("title").sendKeys("Spotkanie z klawiatury");
        tabTo("onlineLink").sendKeys("https://meet.example/keyboard");
        tabTo("invitee-" + petar).sendKeys(Keys.SPACE);
        tabTo("save").sendKeys(Keys.ENTER);

        coordinator.until().until(d -> d.getCurrentUrl().matches(".*/coordination/meetings/[^/]+$"));
        assertThat(coordinator.find(By.tagName("h1")).getText()).isEqualTo("Spotkanie z klawiatury");
        assertThat(coordinator.text()).contains("Europe/Sofia");
    }

    @Test
    @Order(5)
    void a_member_reaches_none_of_the_coordinators_screens() {
        // signing out of the console and of the provider (both on localhost, whose cookies are not per port)
        coordinator.driver().manage().deleteAllCookies();
        coordinator.signIn(api.email(petar));
        for (String path : List.of("/coordination/projects", "/coordination/meetings/new")) {
            coordinator.open(path);
            assertThat(coordinator.find(By.tagName("h1")).getText())
                    .as(path)
                    .isIn("Нещо се обърка", "Something went wrong");
            assertThat(coordinator.all(By.cssSelector("#timeline, #schedule, #minutes")))
                    .isEmpty();
        }
    }

    /** Tab (only) until the element with this id has the focus; a page a keyboard cannot reach fails here. */
    private WebElement tabTo(String id) {
        for (int presses = 0; presses < 120; presses++) {
            WebElement focused = coordinator.driver().switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
            new Actions(coordinator.driver()).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError(
                "Tab never reaches #" + id + " on " + coordinator.driver().getCurrentUrl());
    }

    private void awaitInvitees(Map<String, Object> target, int invitees) {
        await("event-service knows the invitees behind " + target)
                .atMost(Browser.PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> ((Number) api.post(
                                                martasToken,
                                                "event-service",
                                                "/api/v1/time-zone-view",
                                                Map.of(
                                                        "start", "2030-01-09T09:00:00Z",
                                                        "end", "2030-01-09T10:00:00Z",
                                                        "targets", List.of(target)))
                                        .get("invitees"))
                                .intValue()
                        == invitees);
    }

    private void fill(String id, String value) {
        WebElement field = coordinator.find(By.id(id));
        field.clear();
        if ("date".equals(field.getAttribute("type")) || "time".equals(field.getAttribute("type"))) {
            // date and time inputs take what a person types through script most reliably across locales
            ((JavascriptExecutor) coordinator.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1];"
                                    + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                            field,
                            value);
            return;
        }
        field.sendKeys(value);
    }

    private static LocalDate nextWeekday() {
        return LocalDate.now(WARSAW).plusDays(2).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
    }

    private String country(String code) {
        return coordinator
                .find(By.cssSelector("#partners tbody[data-country='" + code + "']"))
                .getText();
    }

    private static Map<String, Object> milestone(String kind, String title, String country, String city, int inDays) {
        return Map.of(
                "kind", kind,
                "title", title,
                "hostCountry", country,
                "hostCity", city,
                "dueDate", LocalDate.now(WARSAW).plusDays(inDays).toString());
    }
}
