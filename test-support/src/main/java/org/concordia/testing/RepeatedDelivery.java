package org.concordia.testing;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Checks that a handler is idempotent under repetition, the contract every consumer's handler keeps: the processed
 * mark is written after the effect, so a crash between the two delivers the same event (same {@code ce_id}, same
 * metadata) to the handler again. The harness runs the handling twice and asserts that the observable state after
 * the second run is the state after the first.
 *
 * <pre>{@code
 * RepeatedDelivery.observing(MongoState.of(database).documents("organizations", id))
 *         .deliverTwice(() -> consumer.handleAgain(event, metadata));
 * }</pre>
 */
public final class RepeatedDelivery {

    private final Supplier<?> state;

    private RepeatedDelivery(Supplier<?> state) {
        this.state = state;
    }

    /** @param state what a user of the service could observe, compared with {@code equals} */
    public static RepeatedDelivery observing(Supplier<?> state) {
        return new RepeatedDelivery(state);
    }

    /**
     * Runs the handling twice and fails if the second run changed the state.
     *
     * @return the state before and after the first run, for the test to assert that the handling did something
     */
    public Change deliverTwice(Runnable handling) {
        Object before = state.get();
        handling.run();
        Object afterFirst = state.get();
        handling.run();
        Object afterSecond = state.get();
        if (!Objects.equals(afterFirst, afterSecond)) {
            throw new AssertionError(
                    "Handling the same event a second time changed the state.\nAfter the first time:\n  " + afterFirst
                            + "\nAfter the second time:\n  " + afterSecond);
        }
        return new Change(before, afterFirst);
    }

    /** The state before and after the first handling. */
    public record Change(Object before, Object after) {

        public boolean changed() {
            return !Objects.equals(before, after);
        }
    }
}
