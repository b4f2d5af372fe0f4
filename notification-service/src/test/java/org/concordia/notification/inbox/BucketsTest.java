package org.concordia.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.concordia.notification.notice.Rendered;
import org.concordia.notification.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How notifications go into a person's buckets (four items each in the tests): a bucket a batch starts is written
 * whole, two writers starting the same bucket at once both land in it, and storing a batch again adds nothing.
 */
class BucketsTest extends IntegrationTest {

    @Autowired
    Inbox inbox;

    @Test
    void a_batch_starts_the_buckets_it_needs_and_a_repeat_adds_nothing() {
        String person = UUID.randomUUID().toString();
        List<Notification> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(notification(person, "n" + i, i));
        }
        List<Inbox.Pending> pending = inbox.store(six);
        assertThat(pending).hasSize(6);
        assertThat(pending.stream().filter(Inbox.Pending::opens).map(Inbox.Pending::place))
                .as("the first item of bucket 0 and of bucket 1 start them")
                .containsExactly(0L, 1L);
        inbox.arranged(pending);

        assertThat(inbox.counts(person)).isEqualTo(new Inbox.Counts(6, 6));
        assertThat(inbox.page(person, 0, 10, false).stream().map(InboxItem::title))
                .containsExactly("n5", "n4", "n3", "n2", "n1", "n0");

        // the same batch again (a redelivery after a crash): every notification is held already
        assertThat(inbox.store(six)).isEmpty();
        assertThat(inbox.counts(person)).isEqualTo(new Inbox.Counts(6, 6));
    }

    @Test
    void two_writers_starting_the_same_bucket_both_land_in_it() {
        String person = UUID.randomUUID().toString();
        // e.g. the consumers of two topics telling the same new person at the same moment
        List<Inbox.Pending> first = inbox.store(List.of(notification(person, "from meetings", 0)));
        List<Inbox.Pending> second = inbox.store(List.of(notification(person, "from projects", 1)));
        assertThat(first.get(0).opens()).isTrue();
        assertThat(second.get(0).opens()).isTrue();
        inbox.arranged(first);
        inbox.arranged(second);

        assertThat(inbox.counts(person)).isEqualTo(new Inbox.Counts(2, 2));
        assertThat(inbox.page(person, 0, 10, false).stream().map(InboxItem::title))
                .containsExactly("from projects", "from meetings");
        // the next one goes into the existing bucket
        List<Inbox.Pending> third = inbox.store(List.of(notification(person, "third", 2)));
        assertThat(third.get(0).opens()).isFalse();
        inbox.arranged(third);
        assertThat(inbox.counts(person)).isEqualTo(new Inbox.Counts(3, 3));
    }

    private static Notification notification(String person, String title, int minute) {
        String source = UUID.randomUUID().toString();
        return new Notification(
                source + ":" + person + ":member",
                source,
                "concordia.membership.roles-changed.v1",
                "member",
                "organizations",
                false,
                person,
                "Anna Kowalska",
                "anna@example.org",
                "Europe/Warsaw",
                new Rendered("pl", title, "Treść " + title, "Dotyczy Ciebie."),
                null,
                true,
                Instant.parse("2026-11-02T09:00:00Z").plusSeconds(60L * minute));
    }
}
