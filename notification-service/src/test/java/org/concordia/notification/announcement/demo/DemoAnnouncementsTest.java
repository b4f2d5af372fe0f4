package org.concordia.notification.announcement.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.PartnershipFormed;
import org.concordia.contracts.project.Partner;
import org.concordia.contracts.project.ProjectActivated;
import org.concordia.contracts.project.ProjectProposed;
import org.concordia.notification.support.Feed;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.notification.support.StoredNotifications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The seeds' announcements, once the seeds' organizations, people and project have arrived as organization-service
 * and project-service publish them: each written once however often loaded, each member told in their language.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoAnnouncementsTest extends IntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    DemoAnnouncements demo;

    private Feed feed;

    @BeforeAll
    void seeds() {
        feed = new Feed(mongo);
        organization("allatra-centre", "Координационен Център «АЛЛАТРА»", null, "US", List.of("en", "bg", "pl"));
        organization("allatra-bg", "«АЛЛАТРА» — представителство в България", "allatra-centre", "BG", List.of("bg"));
        organization("allatra-pl", "«ALLATRA» — przedstawicielstwo w Polsce", "allatra-centre", "PL", List.of("pl"));
        organization("trakia", "Регионална Асоциация на Общини „Тракия“", null, "BG", List.of("bg", "en"));
        organization("global-solidarity", "Stowarzyszenie Solidarności Globalnej", null, "PL", List.of("pl", "en"));
        organization("partner-pt", "Porto Acolhe", null, "PT", List.of("pt"));
        organization("trakia-plovdiv", "Община Пловдив", null, "BG", List.of("bg", "en"));
        organization("trakia-haskovo", "Община Хасково", null, "BG", List.of("bg"));
        member("daniel-carter", "Daniel Carter", "en", "America/New_York", "allatra-centre", "coordinator");
        member("georgi-petrov", "Георги Петров", "bg", "Europe/Sofia", "allatra-bg", "coordinator", "representative");
        member("tomasz-lewandowski", "Tomasz Lewandowski", "pl", "Europe/Warsaw", "allatra-pl", "representative");
        member("maria-ivanova", "Мария Иванова", "bg", "Europe/Sofia", "trakia", "coordinator", "partner_contact");
        member("elena-dimitrova", "Елена Димитрова", "bg", "Europe/Sofia", "trakia", "member");
        member("elena-dimitrova", "Елена Димитрова", "bg", "Europe/Sofia", "trakia-plovdiv", "representative");
        member("stoyan-kolev", "Стоян Колев", "bg", "Europe/Sofia", "trakia-haskovo", "member");
        // the municipalities are the association's partners by network membership, as organization-service's seeds
        partnership("trakia-plovdiv", "trakia");
        partnership("trakia-haskovo", "trakia");
        member("anna-kowalska", "Anna Kowalska", "pl", "Europe/Warsaw", "global-solidarity", "coordinator");
        member("joana-ferreira", "Joana Ferreira", "pt", "Europe/Lisbon", "partner-pt", "partner_contact");
        String project = id("project:lublin-bialystok-integration");
        feed.publishAndWait(new ProjectProposed(
                project,
                "Lublin–Białystok integration",
                "Integration of migrants",
                List.of(),
                id("global-solidarity"),
                "Stowarzyszenie Solidarności Globalnej",
                "PL",
                LocalDate.of(2014, 1, 1),
                LocalDate.of(2015, 12, 31),
                null,
                Instant.now()));
        feed.publishAndWait(new ProjectActivated(
                project,
                "Lublin–Białystok integration",
                id("global-solidarity"),
                List.of(
                        new Partner(
                                id("global-solidarity"),
                                "Stowarzyszenie Solidarności Globalnej",
                                "PL",
                                "lead",
                                "accepted"),
                        new Partner(id("partner-pt"), "Porto Acolhe", "PT", "partner", "accepted")),
                List.of("PL", "PT"),
                Instant.now()));
    }

    @AfterAll
    void close() {
        feed.close();
    }

    @Test
    @Order(1)
    void the_seeds_announcements_are_written_once_and_each_member_reads_their_language() {
        assertThat(demo.ready()).isTrue();
        assertThat(demo.load()).isEqualTo(3);
        assertThat(demo.load()).isZero();

        Document bulgarian = told("allatra-coordination-meeting", "georgi-petrov");
        assertThat(bulgarian.getString("title")).isEqualTo("Следваща международна координационна среща");
        assertThat(bulgarian.getString("body")).contains("Скъпи представители").contains("Daniel Carter");
        assertThat(bulgarian.getString("reason")).contains("представителство в България");
        Document polish = told("allatra-coordination-meeting", "tomasz-lewandowski");
        assertThat(polish.getString("title")).isEqualTo("Następne międzynarodowe spotkanie koordynacyjne");
        assertThat(polish.getString("body")).contains("Drodzy przedstawiciele");
        assertThat(told("trakia-councillors-seminar", "elena-dimitrova").getString("title"))
                .isEqualTo("Семинар за общински съветници");
        Document portuguese = told("global-solidarity-publication", "joana-ferreira");
        assertThat(portuguese.getString("title"))
                .as("Portuguese was not written: the association's first language")
                .isEqualTo("Publikacja dobrych praktyk jest gotowa");
        assertThat(told("global-solidarity-publication", "anna-kowalska").getString("title"))
                .isEqualTo("Publikacja dobrych praktyk jest gotowa");
    }

    @Test
    @Order(2)
    void trakias_seminar_reaches_the_member_municipalities_people_once_each_in_bulgarian() {
        assertThat(demo.load()).as("written by the first load").isZero();
        String seminar = id("announcement:trakia-councillors-seminar");

        Document elena = told("trakia-councillors-seminar", "elena-dimitrova");
        assertThat(elena.getString("title")).isEqualTo("Семинар за общински съветници");
        assertThat(elena.getString("body")).contains("семинар за общински съветници");
        assertThat(elena.getString("reason"))
                .as("reached first as the representative of a member municipality")
                .isEqualTo("Вие представлявате Община Пловдив, партньор на Регионална Асоциация на Общини „Тракия“.");
        assertThat(told("trakia-councillors-seminar", "stoyan-kolev").getString("title"))
                .isEqualTo("Семинар за общински съветници");
        told("trakia-councillors-seminar", "maria-ivanova");
        assertThat(mongo.getCollection("notifications")
                        .distinct("personId", new Document("sourceId", seminar), String.class)
                        .into(new java.util.HashSet<>()))
                .containsExactlyInAnyOrder(
                        id("person:elena-dimitrova"), id("person:stoyan-kolev"), id("person:maria-ivanova"));
        assertThat(mongo.getCollection("notifications")
                        .countDocuments(
                                new Document("sourceId", seminar).append("personId", id("person:elena-dimitrova"))))
                .as("a member of Trakia and of a member municipality is told once")
                .isEqualTo(1);
    }

    private Document told(String announcement, String person) {
        String notification = id("announcement:" + announcement) + ":" + id("person:" + person) + ":announcement";
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> StoredNotifications.find(mongo, notification), d -> d != null);
    }

    private void partnership(String municipality, String association) {
        feed.publishAndWait(new PartnershipFormed(
                id("partnership:" + municipality + "+" + association + ":network_membership"),
                id(municipality),
                municipality,
                id(association),
                association,
                "network_membership",
                LocalDate.of(2001, 3, 1),
                null,
                Instant.now()));
    }

    private void organization(String key, String name, String parent, String country, List<String> languages) {
        feed.publishAndWait(new OrganizationRegistered(
                id(key),
                name,
                null,
                parent == null ? "ngo" : "representation",
                country,
                "City",
                null,
                languages,
                null,
                parent == null ? null : id(parent),
                Instant.now()));
    }

    private void member(String key, String name, String language, String zone, String organization, String... roles) {
        feed.publishAndWait(new MemberJoined(
                id("membership:" + key + "@" + organization),
                id(organization),
                organization,
                id("person:" + key),
                name,
                key + "@example.org",
                language,
                zone,
                List.of(roles),
                null,
                null,
                Instant.now()));
    }

    private static String id(String key) {
        return UUID.nameUUIDFromBytes(("concordia-demo:" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
