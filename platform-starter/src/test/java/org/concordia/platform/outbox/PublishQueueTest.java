package org.concordia.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishQueueTest {

    @Test
    void a_busy_collection_does_not_keep_another_waiting_for_more_than_one_batch() {
        PublishQueue queue = new PublishQueue(10_000);
        for (int i = 0; i < 1_000; i++) {
            queue.offer("projects", "project-" + i);
        }
        queue.offer("people", "person-1");

        List<String> order = new ArrayList<>();
        PublishQueue.Batch batch;
        while ((batch = queue.poll(200)) != null) {
            order.add(batch.collection() + ":" + batch.ids().size());
        }

        assertThat(order)
                .containsExactly(
                        "projects:200", "people:1", "projects:200", "projects:200", "projects:200", "projects:200");
    }

    @Test
    void a_full_queue_refuses_more_and_leaves_them_to_the_sweep() {
        PublishQueue queue = new PublishQueue(3);
        assertThat(queue.offer("clubs", 1)).isTrue();
        assertThat(queue.offer("clubs", 2)).isTrue();
        assertThat(queue.offer("clubs", 3)).isTrue();
        assertThat(queue.offer("clubs", 4)).isFalse();
        assertThat(queue.offer("clubs", 2)).as("a request already waiting").isTrue();
        assertThat(queue.offer("teams", 1))
                .as("another collection has room of its own")
                .isTrue();
        assertThat(queue.size()).isEqualTo(4);
        assertThat(queue.poll(10).ids()).containsExactly(1, 2, 3);
    }
}
