package org.concordia.platform.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.concordia.platform.domain.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

/** The platform's one concurrency policy, on an in-memory store where another writer can be made to win races. */
class ChangesTest {

    /** An aggregate: a name at a version. */
    record Named(String id, long version, String name) {}

    private final Map<String, Named> stored = new HashMap<>();
    /** How many of the next writes another writer wins (it changes the aggregate just before ours lands). */
    private int racesLost;

    private final AtomicInteger writes = new AtomicInteger();

    private final Changes<Named> changes =
            Changes.of("Named", id -> Optional.ofNullable(stored.get(id)), Named::version, this::write);

    private Named write(Named changed) {
        Named current = stored.get(changed.id());
        if (racesLost > 0) {
            racesLost--;
            current = new Named(current.id(), current.version() + 1, current.name() + " (by another writer)");
            stored.put(current.id(), current);
        }
        if (current.version() != changed.version()) {
            throw new OptimisticLockingFailureException("lost the race");
        }
        writes.incrementAndGet();
        Named written = new Named(changed.id(), changed.version() + 1, changed.name());
        stored.put(written.id(), written);
        return written;
    }

    @BeforeEach
    void koalicja_at_version_0() {
        stored.put("a", new Named("a", 0, "Koalicja"));
    }

    @Test
    void without_if_match_a_lost_race_is_applied_again_to_the_new_state() {
        racesLost = Changes.ATTEMPTS - 1;

        Named written = changes.apply("a", ExpectedVersion.any(), named -> true);

        assertThat(written.version()).isEqualTo(Changes.ATTEMPTS);
        assertThat(writes).hasValue(1);
    }

    @Test
    void without_if_match_losing_every_attempt_is_refused() {
        racesLost = Changes.ATTEMPTS;

        assertThatThrownBy(() -> changes.apply("a", ExpectedVersion.any(), named -> true))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(writes).hasValue(0);
    }

    @Test
    void with_if_match_a_stale_version_is_refused_before_anything_is_written() {
        assertThatThrownBy(() -> changes.apply("a", ExpectedVersion.of(5), named -> true))
                .isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessageContaining("Named a is at version 0");
        assertThat(writes).hasValue(0);
    }

    @Test
    void with_if_match_a_lost_race_is_refused_and_not_retried() {
        racesLost = 1;

        assertThatThrownBy(() -> changes.apply("a", ExpectedVersion.of(0), named -> true))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(writes).hasValue(0);
        assertThat(stored.get("a").name()).isEqualTo("Koalicja (by another writer)");
    }

    @Test
    void a_change_that_changes_nothing_writes_nothing() {
        Named unchanged =
                changes.apply("a", ExpectedVersion.any(), named -> !named.name().equals("Koalicja"));

        assertThat(unchanged.version()).isZero();
        assertThat(writes).hasValue(0);
    }

    @Test
    void an_unknown_aggregate_is_not_found() {
        assertThatThrownBy(() -> changes.apply("b", ExpectedVersion.any(), named -> true))
                .isInstanceOf(NotFoundException.class);
    }
}
