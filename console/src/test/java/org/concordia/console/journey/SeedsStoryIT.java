package org.concordia.console.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.concordia.testing.TopicReader;
import org.concordia.testing.security.IdentityServiceTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seeds' story end to end, through the real broker and every service, each step as the person who would do it
 * with their token from identity-service: an operator onboards the organizations and their first coordinators; the
 * Global Solidarity Association proposes the Lublin–Białystok project, invites the two coalitions and the Vienna
 * partner, who accept, and activates it; it plans the Vienna study visit and schedules its meeting with two seats per
 * partner; the ALLATRA coordination centre schedules its weekly call across Sofia, Warsaw, New York and Sydney, moves
 * it, cancels it, and announces something in Bulgarian, Polish and English to all its representations. Every topic is
 * then replayed: nobody is told anything twice, no e-mail leaves twice.
 */
class SeedsStoryIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(300);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TOPICS =
            List.of("organization-events", "project-events", "meeting-events", "announcement-events");
    /** Which consumer group reads which topics (each group is named after its service). */
    private static final Map<String, List<String>> GROUPS = Map.of(
            "identity-service", List.of("organization-events"),
            "project-service", List.of("organization-events"),
            "event-service", List.of("organization-events", "project-events"),
            "notification-service", TOPICS);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Platform platform;
    private IdentityServiceTokens identity;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> emails = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();

    @Test
    void the_seeds_story_from_registration_to_a_replay_that_repeats_nothing() throws Exception {
        platform = Platform.get();
        identity = new IdentityServiceTokens(platform.identityUri());
        long started = System.nanoTime();
        String operator = identity.clientCredentials(Platform.OPERATOR_CLIENT, Platform.OPERATOR_SECRET, "api")
                .accessToken();

        // An operator onboards the organizations of the seeds and their first coordinators.
        String centre = organization(
                operator,
                "centre",
                null,
                "Координационен Център на Международното обществено движение «АЛЛАТРА»",
                "coordination_centre",
                "US",
                "Atlanta",
                List.of("en", "bg", "pl"));
        String solidarity = organization(
                operator,
                "solidarity",
                null,
                "Stowarzyszenie Solidarności Globalnej",
                "ngo",
                "PL",
                "Lublin",
                List.of("pl", "en"));
        String lublin = organization(
                operator,
                "lublin",
                null,
                "Koalicja lubelskich organizacji pozarządowych",
                "ngo",
                "PL",
                "Lublin",
                List.of("pl"));
        String bialystok = organization(
                operator,
                "bialystok",
                null,
                "Koalicja białostockich organizacji pozarządowych",
                "ngo",
                "PL",
                "Białystok",
                List.of("pl"));
        String vienna = organization(
                operator, "vienna", null, "Verein Wiener Integrationsnetz", "ngo", "AT", "Wien", List.of("de", "en"));
        person(operator, "daniel", "Daniel Carter", "en", "America/New_York");
        person(operator, "anna", "Anna Kowalska", "pl", "Europe/Warsaw");
        person(operator, "tomasz", "Tomasz Wiśniewski", "pl", "Europe/Warsaw");
        person(operator, "katarzyna", "Katarzyna Nowak", "pl", "Europe/Warsaw");
        person(operator, "lukas", "Lukas Gruber", "de", "Europe/Vienna");
        join(operator, centre, "daniel", "coordinator");
        join(operator, solidarity, "anna", "coordinator");
        join(operator, lublin, "tomasz", "coordinator");
        join(operator, bialystok, "katarzyna", "coordinator");
        join(operator, vienna, "lukas", "coordinator");

        // The centre's coordinator registers its representations and their people.
        String daniel = token("daniel", centre, "coordinator");
        String allatraBg = organization(
                daniel,
                "allatra-bg",
                centre,
                "Международно обществено движение «АЛЛАТРА» — представителство в България",
                "representation",
                "BG",
                "София",
                List.of("bg", "en"));
        String allatraPl = organization(
                daniel,
                "allatra-pl",
                centre,
                "Międzynarodowy Ruch Społeczny «ALLATRA» — przedstawicielstwo w Polsce",
                "representation",
                "PL",
                "Warszawa",
                List.of("pl", "en"));
        String allatraAu = organization(
                daniel,
                "allatra-au",
                centre,
                "ALLATRA International Public Movement — Australia",
                "representation",
                "AU",
                "Sydney",
                List.of("en"));
        person(daniel, "elena", "Елена Димитрова", "bg", "Europe/Sofia");
        person(daniel, "piotr", "Piotr Zieliński", "pl", "Europe/Warsaw");
        person(daniel, "jack", "Jack Turner", "en", "Australia/Sydney");
        join(daniel, allatraBg, "elena", "coordinator");
        join(daniel, allatraPl, "piotr", "member");
        join(daniel, allatraAu, "jack", "member");

        // The Lublin coalition's coordinator brings in two members of its delegation.
        String tomasz = token("tomasz", lublin, "coordinator");
        person(tomasz, "ewa", "Ewa Lis", "pl", "Europe/Warsaw");
        person(tomasz, "marek", "Marek Wójcik", "pl", "Europe/Warsaw");
        join(tomasz, lublin, "ewa", "member");
        join(tomasz, lublin, "marek", "member");

        // Global Solidarity proposes the project and invites the partners; they accept; it becomes active.
        String anna = token("anna", solidarity, "coordinator");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String project = id(until201(
                anna,
                "project-service",
                "/api/v1/projects",
                Map.of(
                        "title",
                        "Współpraca międzynarodowa jako metoda budowania lokalnego potencjału integracyjnego polskich"
                                + " miast (Lublina i Białegostoku)",
                        "leadOrganizationId",
                        solidarity,
                        "plannedStart",
                        today.toString(),
                        "plannedEnd",
                        today.plusMonths(18).toString())));
        for (String partner : List.of(lublin, bialystok, vienna)) {
            until201(
                    anna,
                    "project-service",
                    "/api/v1/projects/" + project + "/partners",
                    Map.of("organizationId", partner));
        }
        accept(project, lublin, tomasz);
        accept(project, bialystok, token("katarzyna", bialystok, "coordinator"));
        accept(project, vienna, token("lukas", vienna, "coordinator"));
        JsonNode active = ok(call(anna, "project-service", "POST", "/api/v1/projects/" + project + "/activate", null));
        assertThat(active.path("status").asString()).isEqualTo("active");

        // The Vienna study visit, and its meeting with two seats per partner's delegation.
        LocalDate visitDay = today.plusDays(60);
        String visit = id(until201(
                anna,
                "project-service",
                "/api/v1/projects/" + project + "/milestones",
                Map.of(
                        "kind",
                        "study_visit",
                        "title",
                        "Wizyta studyjna: integracja po austriacku",
                        "hostCountry",
                        "AT",
                        "hostCity",
                        "Wien",
                        "dueDate",
                        visitDay.toString())));
        ZoneId viennaZone = ZoneId.of("Europe/Vienna");
        Map<String, Object> visitMeeting = new LinkedHashMap<>();
        visitMeeting.put("title", "Wizyta studyjna w Wiedniu");
        visitMeeting.put("organizationId", solidarity);
        visitMeeting.put("projectId", project);
        visitMeeting.put("milestoneId", visit);
        visitMeeting.put("format", "in_person");
        visitMeeting.put("venue", Map.of("name", "Wiener Integrationshaus", "city", "Wien", "country", "AT"));
        visitMeeting.put("start", iso(visitDay.atTime(9, 0).atZone(viennaZone)));
        visitMeeting.put("end", iso(visitDay.plusDays(1).atTime(16, 0).atZone(viennaZone)));
        visitMeeting.put("timeZone", "Europe/Vienna");
        visitMeeting.put("seatsPerOrganization", 2);
        visitMeeting.put("targets", List.of(Map.of("kind", "project_partners", "projectId", project)));
        String visitId = id(until201(anna, "event-service", "/api/v1/meetings", visitMeeting));
        assertThat(answer(tomasz, visitId, null).path("status").asString()).isEqualTo("confirmed");
        assertThat(answer(tomasz, visitId, "ewa").path("status").asString()).isEqualTo("confirmed");
        JsonNode third = answer(tomasz, visitId, "marek");
        assertThat(third.path("status").asString())
                .as("the Lublin delegation's third person, beyond its two seats")
                .isEqualTo("waitlisted");
        assertThat(third.path("waitlistPosition").asLong()).isEqualTo(1);
        assertThat(answer(token("katarzyna", bialystok, "coordinator"), visitId, null)
                        .path("status")
                        .asString())
                .as("Białystok's seats are its own")
                .isEqualTo("confirmed");

        // The ALLATRA international coordination call, weekly, planned in New York.
        List<String> network = List.of("daniel", "elena", "piotr", "jack");
        for (String who : network) {
            // notification-service knows each member of the network before the call is scheduled
            await(who + " welcomed")
                    .atMost(PATIENCE)
                    .pollInterval(POLL)
                    .until(() -> !inbox(who).isEmpty());
        }
        ZoneId newYork = ZoneId.of("America/New_York");
        ZonedDateTime first = LocalDate.now(newYork)
                .plusDays(7)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY))
                .atTime(9, 0)
                .atZone(newYork);
        String call = "ALLATRA international coordination call "
                + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("title", call);
        series.put("organizationId", centre);
        series.put("format", "online");
        series.put("onlineLink", "https://meet.example/allatra-coordination");
        series.put("start", iso(first));
        series.put("end", iso(first.plusHours(1)));
        series.put("timeZone", "America/New_York");
        series.put("rrule", "FREQ=WEEKLY;COUNT=4");
        series.put("targets", List.of(Map.of("kind", "organization_network", "organizationId", centre)));
        String callId = id(until201(daniel, "event-service", "/api/v1/meetings", series));

        // A Bulgarian coordinator reads Bulgarian with Sofia's time, a Polish member Polish with Warsaw's.
        JsonNode elenas = awaitItem("elena", "Покана: " + call);
        assertThat(elenas.path("body").asString()).contains(localTime(first, "Europe/Sofia"));
        JsonNode piotrs = awaitItem("piotr", "Zaproszenie: " + call);
        assertThat(piotrs.path("body").asString()).contains(localTime(first, "Europe/Warsaw"));
        Set<String> invited = network.stream()
                .filter(who -> !items(who, call, ".scheduled").isEmpty())
                .collect(Collectors.toSet());
        assertThat(invited).contains("elena", "piotr", "jack");
        for (String who : List.of("elena", "piotr")) {
            Calendar invitation = awaitInvitation(who, callId, 0);
            assertThat(invitation.getProperty("METHOD").orElseThrow().getValue())
                    .isEqualTo("REQUEST");
            VEvent event = (VEvent) invitation.getComponent("VEVENT").orElseThrow();
            assertThat(event.getProperty("DTSTART").orElseThrow().toString()).contains("TZID=America/New_York");
            assertThat(eventProperty(invitation, "RRULE")).isEqualTo("FREQ=WEEKLY;COUNT=4");
            assertThat(invitation.getComponent("VTIMEZONE")).isPresent();
        }

        // The call moves an hour later: everyone invited is told once, with SEQUENCE 1.
        ZonedDateTime moved = first.plusHours(1);
        ok(call(
                daniel,
                "event-service",
                "POST",
                "/api/v1/meetings/" + callId + "/reschedule",
                Map.of("start", iso(moved), "end", iso(moved.plusHours(1)))));
        for (String who : invited) {
            await(who + " told of the move")
                    .atMost(PATIENCE)
                    .pollInterval(POLL)
                    .until(() -> !items(who, call, ".rescheduled").isEmpty());
            assertThat(items(who, call, ".rescheduled")).as(who).hasSize(1);
            Calendar update = awaitInvitation(who, callId, 1);
            assertThat(update.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
            assertThat(eventProperty(update, "RRULE")).isEqualTo("FREQ=WEEKLY;COUNT=4");
        }
        assertThat(items("elena", call, ".rescheduled").get(0).path("body").asString())
                .contains(localTime(moved, "Europe/Sofia"));

        // It is cancelled: everyone invited gets the cancellation.
        ok(call(
                daniel,
                "event-service",
                "POST",
                "/api/v1/meetings/" + callId + "/cancel",
                Map.of("reason", "The coordination moves to the forum")));
        for (String who : invited) {
            await(who + " told of the cancellation")
                    .atMost(PATIENCE)
                    .pollInterval(POLL)
                    .until(() -> !items(who, call, ".cancelled").isEmpty());
            assertThat(items(who, call, ".cancelled")).as(who).hasSize(1);
            await(who + "'s cancellation e-mail")
                    .atMost(PATIENCE)
                    .pollInterval(POLL)
                    .until(() -> invitations(who, callId).stream()
                            .anyMatch(c -> c.getProperty("METHOD")
                                    .orElseThrow()
                                    .getValue()
                                    .equals("CANCEL")));
        }

        // The centre announces something to all its representations, in Bulgarian, Polish and English.
        String subject = UUID.randomUUID().toString().substring(0, 6);
        Reply announced = call(
                daniel,
                "notification-service",
                "POST",
                "/api/v1/organizations/" + centre + "/announcements",
                Map.of(
                        "texts",
                        List.of(
                                text("bg", "Международен форум " + subject, "Срещаме се на форума."),
                                text("pl", "Międzynarodowe forum " + subject, "Spotykamy się na forum."),
                                text("en", "International forum " + subject, "We meet at the forum.")),
                        "targets",
                        List.of(Map.of("kind", "organization_network", "organizationId", centre)),
                        "timeZone",
                        "America/New_York"));
        assertThat(announced.status()).as(announced.body()).isEqualTo(201);
        Map<String, String> subjects = Map.of(
                "elena", "Международен форум " + subject,
                "piotr", "Międzynarodowe forum " + subject,
                "jack", "International forum " + subject,
                "daniel", "International forum " + subject);
        subjects.forEach((who, expected) -> awaitItem(who, expected));

        // Replay every topic: nothing new in any inbox, no e-mail sent twice.
        awaitConsumersCaughtUp();
        Map<String, Integer> before = totals();
        int mailsBefore = platform.mail().getReceivedMessages().length;
        double duplicatesBefore = metric(operator, "concordia_inbox_duplicates_total");
        int replayed = republishEveryTopic();
        awaitConsumersCaughtUp();
        await("the replay seen as duplicates")
                .atMost(PATIENCE)
                .pollInterval(POLL)
                .until(() -> metric(operator, "concordia_inbox_duplicates_total") > duplicatesBefore);
        Map<String, Integer> after = totals();
        int mailsAfter = platform.mail().getReceivedMessages().length;
        int duplicateMails = duplicateMails();
        System.out.printf(
                "Seeds' story: %d people, notifications per person %s; e-mails %d; records replayed %d, taken as"
                        + " duplicates %.0f; new notifications after the replay %d, new e-mails %d, e-mails sent twice"
                        + " %d; %d s%n",
                after.size(),
                after,
                mailsAfter,
                replayed,
                metric(operator, "concordia_inbox_duplicates_total") - duplicatesBefore,
                after.values().stream().mapToInt(Integer::intValue).sum()
                        - before.values().stream().mapToInt(Integer::intValue).sum(),
                mailsAfter - mailsBefore,
                duplicateMails,
                (System.nanoTime() - started) / 1_000_000_000);
        assertThat(after).isEqualTo(before);
        assertThat(mailsAfter).isEqualTo(mailsBefore);
        assertThat(duplicateMails).isZero();
    }

    // --- the people's steps

    private String organization(
            String token,
            String key,
            @Nullable String parent,
            String name,
            String kind,
            String country,
            String city,
            List<String> languages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("country", country);
        body.put("city", city);
        body.put("languages", languages);
        if (parent != null) {
            body.put("parentId", parent);
        }
        String id = id(until201(token, "organization-service", "/api/v1/organizations", body));
        ids.put(key, id);
        return id;
    }

    private void person(String token, String key, String name, String language, String zone) {
        String email = key + "@story.concordia.example";
        Reply created = call(
                token,
                "organization-service",
                "POST",
                "/api/v1/people",
                Map.of("fullName", name, "email", email, "preferredLanguage", language, "timeZone", zone));
        ids.put(key, id(created(created)));
        emails.put(key, email);
    }

    private void join(String token, String organization, String who, String role) {
        created(call(
                token,
                "organization-service",
                "POST",
                "/api/v1/organizations/" + organization + "/members",
                Map.of("personId", ids.get(who), "roles", List.of(role))));
    }

    private void accept(String project, String partner, String coordinator) {
        JsonNode accepted = ok(call(
                coordinator,
                "project-service",
                "POST",
                "/api/v1/projects/" + project + "/partners/" + partner + "/accept",
                null));
        assertThat(accepted.path("status").asString()).isEqualTo("accepted");
    }

    /** An answer to the visit's invitation, for the caller or, as their delegation's coordinator, for a member. */
    private JsonNode answer(String token, String meeting, @Nullable String forWhom) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answer", "accepted");
        if (forWhom != null) {
            body.put("personId", ids.get(forWhom));
        }
        return await("an answer to " + meeting)
                .atMost(PATIENCE)
                .pollInterval(POLL)
                .until(
                        () -> call(
                                token, "event-service", "POST", "/api/v1/meetings/" + meeting + "/registrations", body),
                        response -> response.status() / 100 == 2)
                .json();
    }

    /**
     * The person's token from identity-service, through the sign-in form with PKCE as the console gets it, once
     * identity-service knows them (and, when given, their role in the organization: tokens carry the roles of the
     * moment).
     */
    private String token(String who, @Nullable String organization, @Nullable String role) {
        return tokens.computeIfAbsent(
                who,
                name -> await(name + "'s token")
                        .atMost(PATIENCE)
                        .pollInterval(POLL)
                        .ignoreExceptions()
                        .until(
                                () -> identity.signIn(
                                                "concordia-console",
                                                platform.consoleUri() + "/login/oauth2/code/concordia",
                                                "openid profile email",
                                                emails.get(name),
                                                Platform.DEMO_PASSWORD)
                                        .accessToken(),
                                token -> organization == null
                                        || (claims(token).contains(organization)
                                                && claims(token).contains(role))));
    }

    // --- what the people read

    private List<JsonNode> inbox(String who) {
        Reply page = call(
                token(who, null, null),
                "notification-service",
                "GET",
                "/api/v1/people/" + ids.get(who) + "/notifications?size=100",
                null);
        List<JsonNode> items = new ArrayList<>();
        ok(page).path("content").forEach(items::add);
        return items;
    }

    private List<JsonNode> items(String who, String title, String type) {
        return inbox(who).stream()
                .filter(item -> item.path("type").asString().contains(type)
                        && item.path("title").asString().contains(title))
                .toList();
    }

    private JsonNode awaitItem(String who, String title) {
        return await(who + " reads " + title)
                .atMost(PATIENCE)
                .pollInterval(POLL)
                .until(
                        () -> inbox(who).stream()
                                .filter(item -> item.path("title").asString().equals(title))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private Map<String, Integer> totals() {
        Map<String, Integer> totals = new TreeMap<>();
        for (String who : emails.keySet()) {
            JsonNode count = ok(call(
                    token(who, null, null),
                    "notification-service",
                    "GET",
                    "/api/v1/people/" + ids.get(who) + "/notifications/unread-count",
                    null));
            totals.put(who, count.path("total").asInt());
        }
        return totals;
    }

    // --- the e-mails at the SMTP catcher

    private Calendar awaitInvitation(String who, String meeting, int sequence) {
        return await(who + "'s invitation with SEQUENCE " + sequence)
                .atMost(PATIENCE)
                .pollInterval(POLL)
                .until(
                        () -> invitations(who, meeting).stream()
                                .filter(c -> String.valueOf(sequence).equals(eventProperty(c, "SEQUENCE")))
                                .toList(),
                        found -> found.size() == 1)
                .get(0);
    }

    /** Every .ics the person was sent for the meeting, parsed by ical4j (a file it cannot parse fails the test). */
    private List<Calendar> invitations(String who, String meeting) throws Exception {
        List<Calendar> calendars = new ArrayList<>();
        for (MimeMessage message : platform.mail().getReceivedMessages()) {
            if (!message.getAllRecipients()[0].toString().contains(emails.get(who))) {
                continue;
            }
            for (Part part : parts(message)) {
                if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
                    Calendar calendar = new CalendarBuilder().build(part.getInputStream());
                    if (meeting.equals(eventProperty(calendar, "UID"))) {
                        calendars.add(calendar);
                    }
                }
            }
        }
        return calendars;
    }

    private static @Nullable String eventProperty(Calendar calendar, String name) {
        Optional<VEvent> event = calendar.getComponent("VEVENT");
        return event.flatMap(e -> e.<Property>getProperty(name))
                .map(Property::getValue)
                .orElse(null);
    }

    private static List<Part> parts(Part part) throws Exception {
        List<Part> parts = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                parts.addAll(parts(child));
            }
        } else {
            parts.add(part);
        }
        return parts;
    }

    /** Messages the catcher received more than once for the same recipient (same Message-ID). */
    private int duplicateMails() throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        for (MimeMessage message : platform.mail().getReceivedMessages()) {
            seen.merge(message.getMessageID() + " " + message.getAllRecipients()[0], 1, Integer::sum);
        }
        return seen.values().stream().mapToInt(n -> n - 1).sum();
    }

    // --- the replay

    /** Appends every record of the four topics again, key, partition, headers and value as they were. */
    private int republishEveryTopic() throws Exception {
        String bootstrap = platform.infrastructure().kafkaBootstrapServers();
        int count = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (String topic : TOPICS) {
                try (TopicReader reader = new TopicReader(bootstrap, topic)) {
                    for (ConsumerRecord<String, byte[]> record : reader.readToEnd()) {
                        producer.send(new ProducerRecord<>(
                                topic, record.partition(), record.key(), record.value(), record.headers()));
                        count++;
                    }
                }
            }
            producer.flush();
        }
        return count;
    }

    /** Until every service's consumer group has committed up to the end of each topic it reads. */
    private void awaitConsumersCaughtUp() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.infrastructure().kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : TOPICS) {
                admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic)
                        .partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            await("every consumer group at the end of its topics")
                    .atMost(PATIENCE)
                    .pollInterval(POLL)
                    .until(() -> caughtUp(admin, ends));
        }
    }

    private static boolean caughtUp(Admin admin, Map<TopicPartition, Long> ends)
            throws InterruptedException, ExecutionException {
        for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata()
                    .get();
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                if (end.getValue() == 0
                        || !group.getValue().contains(end.getKey().topic())) {
                    continue;
                }
                OffsetAndMetadata offset = committed.get(end.getKey());
                if (offset == null || offset.offset() < end.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }

    private double metric(String operator, String name) {
        Reply response = call(operator, "notification-service", "GET", "/actuator/prometheus", null);
        assertThat(response.status()).isEqualTo(200);
        return response.body()
                .lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    // --- HTTP

    private record Reply(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Reply call(String token, String service, String method, String path, @Nullable Object body) {
        return call(token, service, method, path, body, null);
    }

    private Reply call(
            String token,
            String service,
            String method,
            String path,
            @Nullable Object body,
            @Nullable String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.uri(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, text/plain");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A creation that another service's read model must catch up with first (a 422 or 403 until it has read the
     * events it needs): repeated with one Idempotency-Key, so it creates once.
     */
    private JsonNode until201(String token, String service, String path, Object body) {
        String key = UUID.randomUUID().toString();
        Reply response = await("POST " + path)
                .atMost(PATIENCE)
                .pollInterval(POLL)
                .until(
                        () -> call(token, service, "POST", path, body, key),
                        r -> r.status() / 100 == 2 || (r.status() != 422 && r.status() != 403));
        return created(response);
    }

    private static JsonNode created(Reply response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json();
    }

    private static JsonNode ok(Reply response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String id(JsonNode created) {
        return created.path("id").asString();
    }

    private static Map<String, String> text(String language, String subject, String body) {
        return Map.of("language", language, "subject", subject, "body", body);
    }

    private static String iso(ZonedDateTime time) {
        return time.toOffsetDateTime().toString();
    }

    /** The time of day as the recipient's zone shows it (two-digit hours in both locales at these times). */
    private static String localTime(ZonedDateTime time, String zone) {
        LocalTime local = time.withZoneSameInstant(ZoneId.of(zone)).toLocalTime();
        return local.format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    private static String claims(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
