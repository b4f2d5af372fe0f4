package org.concordia.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.concordia.contracts.meeting.MeetingScheduled;
import org.concordia.notification.support.Api;
import org.concordia.notification.support.Feed;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.notification.support.Mailbox;
import org.concordia.notification.support.Tokens;
import org.concordia.notification.support.World;
import org.concordia.notification.support.World.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;

/** Replaying everything the three topics carried creates no notification and sends no e-mail or webhook again. */
class ReplayTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void a_replay_of_all_three_topics_changes_nothing_and_sends_nothing() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            posts.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (Feed feed = new Feed(mongo)) {
            World world = new World(feed);
            String organization = world.organization("Replayed", null);
            new Api(port)
                    .as(Tokens.coordinator(Feed.newId(), organization))
                    .call(
                            HttpMethod.PUT,
                            "/api/v1/organizations/" + organization + "/webhook",
                            Api.json(
                                    "url",
                                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/"),
                            Map.of());
            Person lena = world.person("Lena Schmidt", "en", "Europe/Berlin");
            Person boris = world.person("Борис Колев", "bg", "Europe/Sofia");
            world.member(organization, lena, "coordinator");
            world.member(organization, boris, "member");
            String project = world.project("Replay project", organization);
            MeetingScheduled meeting = world.meeting(
                    "Replay meeting",
                    Instant.now().plus(Duration.ofDays(400)),
                    "Europe/Berlin",
                    List.of(60),
                    List.of(World.members(organization), World.partners(project)));
            feed.publishAndWait(meeting);
            world.confirm(meeting, boris);

            long notifications = mongo.getCollection("notifications").countDocuments();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> mongo.getCollection("delivery_queue").countDocuments() == 0 && posts.get() > 0);
            long deliveries = mongo.getCollection("deliveries").countDocuments();
            int mails = Mailbox.greenMail().getReceivedMessages().length;
            int posted = posts.get();
            double duplicates = duplicates();

            feed.replay(feed.sent());

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> duplicates() - duplicates >= feed.sent().size());
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> Mailbox.greenMail().getReceivedMessages().length == mails && posts.get() == posted);
            assertThat(mongo.getCollection("notifications").countDocuments()).isEqualTo(notifications);
            assertThat(mongo.getCollection("deliveries").countDocuments()).isEqualTo(deliveries);
            assertThat(mongo.getCollection("delivery_queue").countDocuments()).isZero();
        } finally {
            receiver.stop(0);
        }
    }

    private double duplicates() {
        return meters.find("concordia.inbox.duplicates").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
