package org.concordia.meeting.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.contracts.project.MilestonePlanned;
import org.concordia.contracts.project.PartnerJoined;
import org.concordia.contracts.project.ProjectProposed;
import org.concordia.meeting.meeting.Browsing;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.meeting.support.Feed;
import org.concordia.meeting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The seeds' meetings are scheduled once the demo directory and project have arrived, and only once. */
class DemoMeetingsTest extends IntegrationTest {

    @Autowired
    DemoMeetings demo;

    @Autowired
    Browsing browsing;

    @Test
    void the_seeds_meetings_are_scheduled_once_from_the_demo_directory_and_project() {
        Instant now = Instant.now();
        try (Feed feed = new Feed()) {
            for (String key : List.of(
                    "allatra-centre",
                    "global-solidarity",
                    "gpm",
                    "katowice",
                    "trakia",
                    "trakia-plovdiv",
                    "trakia-stara-zagora",
                    "trakia-haskovo",
                    "trakia-asenovgrad",
                    "partner-at")) {
                feed.publish(new OrganizationRegistered(
                        DemoMeetings.organization(key),
                        key,
                        null,
                        "ngo",
                        "BG",
                        "Plovdiv",
                        null,
                        List.of("bg"),
                        null,
                        null,
                        now));
            }
            coordinator(feed, "daniel-carter", "allatra-centre", "America/New_York", now);
            coordinator(feed, "anna-kowalska", "global-solidarity", "Europe/Warsaw", now);
            coordinator(feed, "pieter-de-vries", "gpm", "Europe/Amsterdam", now);
            coordinator(feed, "maria-ivanova", "trakia", "Europe/Sofia", now);
            String project = DemoMeetings.PROJECT;
            LocalDate start = LocalDate.now().withDayOfMonth(1).minusMonths(4);
            feed.publish(new ProjectProposed(
                    project,
                    "Współpraca",
                    "S",
                    List.of(),
                    DemoMeetings.organization("global-solidarity"),
                    "SSG",
                    "PL",
                    start,
                    start.plusMonths(18),
                    null,
                    now));
            feed.publish(new PartnerJoined(
                    project,
                    "Współpraca",
                    DemoMeetings.organization("partner-at"),
                    "Verein",
                    "AT",
                    "partner",
                    DemoMeetings.organization("global-solidarity"),
                    "SSG",
                    now));
            feed.publish(new MilestonePlanned(
                    project,
                    "Współpraca",
                    DemoMeetings.uuid("milestone:study-visit-at"),
                    "study_visit",
                    "Wizyta studyjna",
                    "AT",
                    null,
                    start.plusMonths(2),
                    now));
            feed.publish(new MilestonePlanned(
                    project,
                    "Współpraca",
                    DemoMeetings.uuid("milestone:integration-forum"),
                    "forum",
                    "Forum",
                    "PL",
                    null,
                    start.plusMonths(17),
                    now));
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(demo::ready);

        assertThat(demo.load()).isEqualTo(5);
        assertThat(demo.load()).as("loading again schedules nothing").isZero();

        Meeting series = browsing.get(DemoMeetings.uuid("meeting:allatra-weekly-coordination"));
        assertThat(series.series()).isPresent();
        assertThat(series.plannedStarts()).hasSize(26);
        Meeting forum = browsing.get(DemoMeetings.uuid("meeting:integration-forum"));
        assertThat(forum.details().seatsPerOrganization()).isEqualTo(2);
        assertThat(forum.milestoneId()).isEqualTo(DemoMeetings.uuid("milestone:integration-forum"));
        assertThat(browsing.get(DemoMeetings.uuid("meeting:trakia-councillors-seminar"))
                        .details()
                        .venue()
                        .city())
                .isEqualTo("Пловдив");
    }

    private static void coordinator(Feed feed, String person, String organization, String zone, Instant now) {
        String personId = DemoMeetings.person(person);
        feed.publish(new PersonRegistered(personId, person, person + "@example.org", "en", zone, now));
        feed.publish(new MemberJoined(
                DemoMeetings.uuid("membership:" + person),
                DemoMeetings.organization(organization),
                organization,
                personId,
                person,
                person + "@example.org",
                "en",
                zone,
                List.of("coordinator"),
                null,
                null,
                now));
    }
}
