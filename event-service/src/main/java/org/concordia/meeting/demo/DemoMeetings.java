package org.concordia.meeting.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.concordia.meeting.directory.Directory;
import org.concordia.meeting.directory.KnownProject;
import org.concordia.meeting.meeting.ScheduleMeeting;
import org.concordia.meeting.meeting.Scheduling;
import org.concordia.meeting.meeting.model.AgendaPoint;
import org.concordia.meeting.meeting.model.MeetingDetails;
import org.concordia.meeting.meeting.model.MeetingFormat;
import org.concordia.meeting.meeting.model.Target;
import org.concordia.meeting.meeting.model.TargetKind;
import org.concordia.meeting.meeting.model.Timing;
import org.concordia.meeting.meeting.model.Venue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The seeds' meetings: the ALLATRA coordination centre's weekly international coordination meeting with its
 * representatives on five continents; the Lublin–Białystok project's study visit in Vienna and its International
 * Integration Forum in Lublin, on their milestones' days, two seats per partner organization; a session of the Global
 * Parliament of Mayors with Katowice among the cities; Trakia's seminar for municipal councillors in Plovdiv.
 *
 * <p>Each goes through {@link Scheduling} with an id derived from a fixed key, as organization-service derives the demo
 * organizations' ids, so loading twice schedules nothing twice. The seeds give no dates: the meetings are placed
 * relative to the day of the first load, the project's on its milestones' due dates.
 */
@Component
public class DemoMeetings {

    private static final Logger log = LoggerFactory.getLogger(DemoMeetings.class);
    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    private final Scheduling scheduling;
    private final Directory directory;
    private final Clock clock;

    DemoMeetings(Scheduling scheduling, Directory directory, Clock clock) {
        this.scheduling = scheduling;
        this.directory = directory;
        this.clock = clock;
    }

    static String uuid(String key) {
        return UUID.nameUUIDFromBytes(("concordia-demo:" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static String organization(String key) {
        return uuid(key);
    }

    static String person(String key) {
        return uuid("person:" + key);
    }

    static final String PROJECT = uuid("project:lublin-bialystok-integration");

    /** Whether the organizers, their organizations and the project are known, so that loading can begin. */
    public boolean ready() {
        return coordinates("daniel-carter", "allatra-centre")
                && coordinates("anna-kowalska", "global-solidarity")
                && coordinates("pieter-de-vries", "gpm")
                && coordinates("maria-ivanova", "trakia")
                && milestone("integration-forum").isPresent()
                && milestone("study-visit-at").isPresent();
    }

    private boolean coordinates(String personKey, String organizationKey) {
        return directory
                .membership(organization(organizationKey), person(personKey))
                .map(m -> m.roles().contains("coordinator"))
                .orElse(false);
    }

    private Optional<KnownProject.KnownMilestone> milestone(String key) {
        return directory.project(PROJECT).flatMap(p -> p.milestone(uuid("milestone:" + key)));
    }

    /** @return how many meetings it scheduled: 0 when all were there already */
    public int load() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), SOFIA);
        int scheduled = 0;
        scheduled += schedule(coordinationSeries(today));
        scheduled += milestone("study-visit-at")
                .map(m -> schedule(studyVisit(m.dueDate() == null ? today.plusMonths(1) : m.dueDate())))
                .orElse(0);
        scheduled += milestone("integration-forum")
                .map(m -> schedule(forum(m.dueDate() == null ? today.plusMonths(6) : m.dueDate())))
                .orElse(0);
        scheduled += schedule(mayors(today));
        scheduled += schedule(councillors(today));
        return scheduled;
    }

    private int schedule(ScheduleMeeting request) {
        var result = scheduling.schedule(request);
        if (result.isNew()) {
            log.info("Demo meeting scheduled: {} ({})", request.details().title(), request.id());
        }
        return result.isNew() ? 1 : 0;
    }

    /** Thursdays 16:00 in Sofia: 09:00 in New York, 10:00 in São Paulo, 16:00 in Nairobi, 18:30 in New Delhi. */
    private ScheduleMeeting coordinationSeries(LocalDate today) {
        ZonedDateTime start =
                ZonedDateTime.of(today.with(TemporalAdjusters.next(DayOfWeek.THURSDAY)), LocalTime.of(16, 0), SOFIA);
        return new ScheduleMeeting(
                uuid("meeting:allatra-weekly-coordination"),
                person("daniel-carter"),
                organization("allatra-centre"),
                null,
                null,
                new MeetingDetails(
                        "Международна координационна среща на движение «АЛЛАТРА»",
                        "Weekly coordination of the representations: news from each region, joint initiatives,"
                                + " translations. Working languages: English and Bulgarian.",
                        MeetingFormat.ONLINE,
                        null,
                        "https://meet.jit.si/allatra-international-coordination",
                        List.of(
                                new AgendaPoint("News from the regions", 40, null, null),
                                new AgendaPoint("Joint initiatives", 30, "Daniel Carter", person("daniel-carter")),
                                new AgendaPoint("Open action items", 20, null, null)),
                        null,
                        null,
                        null,
                        List.of(1440, 60)),
                new Timing(start.toInstant(), start.plusMinutes(90).toInstant(), "Europe/Sofia"),
                "FREQ=WEEKLY;COUNT=26",
                List.of(new Target(
                        TargetKind.ORGANIZATION_NETWORK,
                        null,
                        organization("allatra-centre"),
                        null,
                        List.of("coordinator", "representative"))));
    }

    private ScheduleMeeting studyVisit(LocalDate day) {
        ZoneId vienna = ZoneId.of("Europe/Vienna");
        ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(9, 0), vienna);
        return projectMeeting(
                "meeting:study-visit-at",
                "study-visit-at",
                "Wizyta studyjna: integracja po austriacku",
                "Study visit to the Verein Wiener Integrationsnetz: counselling and integration support for newcomers"
                        + " in Vienna.",
                new Venue("Verein Wiener Integrationsnetz", null, "Wien", "AT"),
                new Timing(start.toInstant(), start.plusHours(8).toInstant(), "Europe/Vienna"));
    }

    private ScheduleMeeting forum(LocalDate day) {
        ZoneId warsaw = ZoneId.of("Europe/Warsaw");
        ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(10, 0), warsaw);
        return projectMeeting(
                "meeting:integration-forum",
                "integration-forum",
                "Międzynarodowe Forum Integracyjne (I)",
                "The first International Integration Forum, closing the project: good practices from Lublin,"
                        + " Białystok, Porto, Barcelona, Vienna and Brno.",
                new Venue("Stowarzyszenie Solidarności Globalnej", "ul. Krakowskie Przedmieście 39", "Lublin", "PL"),
                new Timing(start.toInstant(), start.plusHours(7).toInstant(), "Europe/Warsaw"));
    }

    private ScheduleMeeting projectMeeting(
            String key, String milestoneKey, String title, String description, Venue venue, Timing timing) {
        return new ScheduleMeeting(
                uuid(key),
                person("anna-kowalska"),
                organization("global-solidarity"),
                PROJECT,
                uuid("milestone:" + milestoneKey),
                new MeetingDetails(
                        title,
                        description,
                        MeetingFormat.IN_PERSON,
                        venue,
                        null,
                        List.of(),
                        null,
                        2,
                        timing.start().minusSeconds(7 * 86_400),
                        null),
                timing,
                null,
                List.of(new Target(TargetKind.PROJECT_PARTNERS, null, null, PROJECT, List.of())));
    }

    private ScheduleMeeting mayors(LocalDate today) {
        ZoneId hague = ZoneId.of("Europe/Amsterdam");
        ZonedDateTime start = ZonedDateTime.of(
                today.plusWeeks(6).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)), LocalTime.of(14, 0), hague);
        return new ScheduleMeeting(
                uuid("meeting:gpm-session"),
                person("pieter-de-vries"),
                organization("gpm"),
                null,
                null,
                new MeetingDetails(
                        "Global Parliament of Mayors: session on cities and migration",
                        "Mayors and city representatives of the network, Katowice among them.",
                        MeetingFormat.HYBRID,
                        new Venue("Stadhuis Den Haag", "Spui 70", "Den Haag", "NL"),
                        "https://meet.jit.si/gpm-session",
                        List.of(new AgendaPoint("Cities welcoming newcomers", 60, null, null)),
                        null,
                        null,
                        null,
                        null),
                new Timing(start.toInstant(), start.plusHours(3).toInstant(), "Europe/Amsterdam"),
                null,
                List.of(
                        new Target(TargetKind.ORGANIZATION_MEMBERS, null, organization("gpm"), null, List.of()),
                        new Target(
                                TargetKind.ORGANIZATION_MEMBERS,
                                null,
                                organization("katowice"),
                                null,
                                List.of("representative"))));
    }

    private ScheduleMeeting councillors(LocalDate today) {
        ZonedDateTime start = ZonedDateTime.of(
                today.plusWeeks(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)), LocalTime.of(10, 0), SOFIA);
        List<Target> municipalities =
                List.of("trakia", "trakia-plovdiv", "trakia-stara-zagora", "trakia-haskovo", "trakia-asenovgrad")
                        .stream()
                        .map(key ->
                                new Target(TargetKind.ORGANIZATION_MEMBERS, null, organization(key), null, List.of()))
                        .toList();
        return new ScheduleMeeting(
                uuid("meeting:trakia-councillors-seminar"),
                person("maria-ivanova"),
                organization("trakia"),
                null,
                null,
                new MeetingDetails(
                        "Семинар за общински съветници",
                        "Местно самоуправление, насочено към гражданите: добри практики от общините членки.",
                        MeetingFormat.IN_PERSON,
                        new Venue("Община Пловдив", "пл. „Стефан Стамболов“ 1", "Пловдив", "BG"),
                        null,
                        List.of(
                                new AgendaPoint("Откриване", 15, "Мария Иванова", person("maria-ivanova")),
                                new AgendaPoint("Добри практики от общините", 90, null, null)),
                        60,
                        null,
                        start.minusDays(3).toInstant(),
                        null),
                new Timing(start.toInstant(), start.plusHours(6).toInstant(), "Europe/Sofia"),
                null,
                municipalities);
    }
}
