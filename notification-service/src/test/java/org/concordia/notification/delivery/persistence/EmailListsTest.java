package org.concordia.notification.delivery.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.concordia.notification.delivery.Deliveries;
import org.concordia.notification.delivery.Delivery;
import org.concordia.notification.support.IntegrationTest;
import org.concordia.platform.inbox.ConsumerTracing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The e-mails of a fan-out's batch due together wait as one queue entry; claiming it queues each of them, and each goes
 * out once, however often the list is arranged. On a database of its own, so that no poller of the service claims it.
 */
class EmailListsTest extends IntegrationTest {

    @Autowired
    MongoClient client;

    @Autowired
    ConsumerTracing tracing;

    @Test
    void e_mails_due_together_wait_as_one_entry_and_each_goes_out_once() {
        MongoTemplate own = new MongoTemplate(client, "email-lists-" + UUID.randomUUID());
        MongoDeliveries deliveries = new MongoDeliveries(own, tracing);
        MongoCollection<Document> queue = own.getCollection(MongoDeliveries.QUEUE);
        Instant due = Instant.parse("2027-01-01T09:00:00Z");
        List<String> notifications = IntStream.range(0, 3)
                .mapToObj(i -> "event:person-" + i + ":member")
                .toList();
        List<Delivery> emails =
                notifications.stream().map(n -> Delivery.email(n, due)).toList();
        Delivery alone = Delivery.email("event:person-9:member", due.plusSeconds(60));

        deliveries.arrange(emails);
        deliveries.arrange(emails);
        deliveries.arrange(List.of(alone));

        assertThat(queue.countDocuments())
                .as("one list and one e-mail of its own")
                .isEqualTo(2);
        Document list =
                queue.find(new Document("channel", MongoDeliveries.LIST)).first();
        assertThat(list).isNotNull();
        assertThat(list.getList("ids", String.class)).containsExactlyElementsOf(notifications);
        assertThat(deliveries
                        .claim(due.minusSeconds(1), Duration.ofMinutes(1), "early", 10)
                        .isEmpty())
                .isTrue();

        Deliveries.Claim claim = deliveries.claim(due.plusSeconds(1), Duration.ofMinutes(1), "a", 10);
        assertThat(claim.due())
                .extracting(Delivery::id)
                .containsExactlyInAnyOrderElementsOf(
                        emails.stream().map(Delivery::id).toList());
        assertThat(queue.countDocuments(new Document("channel", MongoDeliveries.LIST)))
                .isZero();
        deliveries.settle(claim.due().stream()
                .map(d -> Deliveries.Outcome.sent(d, 1, due.plusSeconds(1)))
                .toList());

        // the same list arranged again (the batch repeated after a crash): queued, claimed, recognised as sent
        deliveries.arrange(emails);
        assertThat(deliveries
                        .claim(due.plusSeconds(2), Duration.ofMinutes(1), "b", 10)
                        .isEmpty())
                .isTrue();
        assertThat(queue.countDocuments()).as("only the e-mail due later").isEqualTo(1);
        assertThat(deliveries.find(emails.get(0).id()).orElseThrow().status()).isEqualTo(Delivery.SENT);
    }
}
