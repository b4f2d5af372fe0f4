package org.concordia.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.concordia.contracts.meeting.MeetingCancelled;
import org.concordia.contracts.meeting.MeetingRescheduled;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.notification.notice.FanningOut;
import org.concordia.notification.recipient.Recipients;
import org.concordia.notification.support.Feed;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.notification.support.Mailbox;
import org.concordia.notification.support.StoredNotifications;
import org.concordia.notification.support.TestClock;
import org.concordia.notification.support.World;
import org.concordia.notification.support.World.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Reminders follow the meeting, reach only confirmed participants, and are sent once by two instances. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderTest extends IntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Autowired
    Slots slots;

    @Autowired
    Recipients recipients;

    @Autowired
    FanningOut fanningOut;

    @Autowired
    MeterRegistry meters;

    private Feed feed;
    private World world;

    @BeforeAll
    void feed() {
        feed = new Feed(mongo);
        world = new World(feed);
    }

    @AfterAll
    void close() {
        feed.close();
    }

    private boolean reminded(MeetingScheduled meeting, Instant start, int minutes, Person person) {
        String id = "reminder:" + meeting.meetingId() + ":" + start.getEpochSecond() + ":" + minutes + ":" + person.id()
                + ":reminder";
        return mongo.getCollection("notifications")
                        .find(new Document("_id", id))
                        .first()
                != null;
    }

    @Test
    void confirmed_participants_are_reminded_in_their_zone_and_a_moved_meeting_moves_its_reminders() {
        Person ivan = world.person("Иван Димитров", "bg", "Europe/Sofia");
        Person ola = world.person("Aleksandra Wójcik", "pl", "Europe/Warsaw");
        Instant start = clock.instant().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        MeetingScheduled meeting = world.meeting(
                "Forum planning",
                start,
                "Europe/Warsaw",
                List.of(1440, 60),
                List.of(World.person(ivan), World.person(ola)));
        feed.publishAndWait(meeting);
        world.confirm(meeting, ivan);
        world.confirm(meeting, ola);
        world.decline(meeting, ola);
        assertThat(slots.pending(meeting.meetingId())).hasSize(2);

        clock.moveTo(start.minus(Duration.ofMinutes(1440)).plusSeconds(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> reminded(meeting, start, 1440, ivan));
        assertThat(reminded(meeting, start, 1440, ola)).isFalse();
        Document reminder = StoredNotifications.find(
                mongo,
                "reminder:" + meeting.meetingId() + ":" + start.getEpochSecond() + ":1440:" + ivan.id() + ":reminder");
        assertThat(reminder.getString("body")).contains("след 1 ден").contains("Източноевропейско");

        Instant later = start.plus(2, ChronoUnit.DAYS);
        feed.publishAndWait(new MeetingRescheduled(
                meeting.meetingId(),
                meeting.title(),
                start,
                meeting.end(),
                later,
                later.plusSeconds(3600),
                meeting.timeZone(),
                1,
                null,
                meeting.format(),
                null,
                meeting.onlineLink(),
                meeting.organizerName(),
                meeting.organizerEmail(),
                meeting.organizationId(),
                null,
                null,
                List.of(),
                Instant.now()));
        assertThat(slots.pending(meeting.meetingId())).extracting(Slot::start).containsOnly(later);

        clock.moveTo(start.minus(Duration.ofMinutes(59)));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> !reminded(meeting, start, 60, ivan));

        clock.moveTo(later.minus(Duration.ofMinutes(60)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminded(meeting, later, 60, ivan));
    }

    @Test
    void a_cancelled_meeting_drops_its_reminders() {
        Person ivan = world.person("Петър Георгиев", "bg", "Europe/Sofia");
        Instant start = clock.instant().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        MeetingScheduled meeting =
                world.meeting("Called off", start, "Europe/Sofia", List.of(60), List.of(World.person(ivan)));
        feed.publishAndWait(meeting);
        world.confirm(meeting, ivan);
        assertThat(slots.pending(meeting.meetingId())).hasSize(1);

        feed.publishAndWait(new MeetingCancelled(
                meeting.meetingId(),
                meeting.title(),
                start,
                meeting.timeZone(),
                null,
                1,
                meeting.end(),
                meeting.organizerName(),
                meeting.organizerEmail(),
                meeting.organizationId(),
                null,
                Instant.now()));

        assertThat(slots.pending(meeting.meetingId())).isEmpty();
    }

    @Test
    void two_instances_send_each_reminder_once() {
        Person eva = world.person("Eva Horváth", "en", "Europe/Budapest");
        Instant start = clock.instant().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        MeetingScheduled meeting =
                world.meeting("Twice?", start, "Europe/Budapest", List.of(30), List.of(World.person(eva)));
        feed.publishAndWait(meeting);
        world.confirm(meeting, eva);
        Reminding one = new Reminding(slots, recipients, fanningOut, clock, meters, Duration.ofMinutes(5));
        Reminding two = new Reminding(slots, recipients, fanningOut, clock, meters, Duration.ofMinutes(5));

        clock.moveTo(start.minus(Duration.ofMinutes(30)).plusSeconds(1));
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> one.remindDue(100));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> two.remindDue(100));
        first.join();
        second.join();

        await().atMost(Duration.ofSeconds(30)).until(() -> reminded(meeting, start, 30, eva));
        await().atMost(Duration.ofSeconds(30)).until(() -> mails(eva, "Reminder: Twice?") >= 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> mails(eva, "Reminder: Twice?") == 1);
        assertThat(mongo.getCollection("notifications")
                        .countDocuments(new Document(
                                "sourceId", "reminder:" + meeting.meetingId() + ":" + start.getEpochSecond() + ":30")))
                .isEqualTo(1);
    }

    @Test
    void a_reminder_sent_after_its_time_is_counted_late_for_operators() {
        Person ivo = world.person("Ivo Petrov", "bg", "Europe/Sofia");
        Instant start = clock.instant().plus(70, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        MeetingScheduled meeting =
                world.meeting("Late?", start, "Europe/Sofia", List.of(60), List.of(World.person(ivo)));
        feed.publishAndWait(meeting);
        world.confirm(meeting, ivo);
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        Reminding reminding = new Reminding(slots, recipients, fanningOut, clock, own, Duration.ofMinutes(5));

        clock.moveTo(start.minus(Duration.ofMinutes(60)).plus(Duration.ofMinutes(5)));
        assertThat(own.get("concordia.reminders.due").gauge().value()).isGreaterThanOrEqualTo(1);
        reminding.remindDue(100);

        assertThat(own.get("concordia.reminders.late").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(own.get("concordia.reminders.lateness").timer().max(java.util.concurrent.TimeUnit.MINUTES))
                .isGreaterThanOrEqualTo(5);
        assertThat(own.get("concordia.reminders.due").gauge().value()).isZero();
    }

    private long mails(Person person, String subject) {
        return java.util.Arrays.stream(Mailbox.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return subject.equals(m.getSubject())
                                && m.getAllRecipients()[0].toString().contains(person.email());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .count();
    }
}
