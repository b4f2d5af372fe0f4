package org.concordia.platform.application;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.concordia.platform.domain.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The one way a use case changes an existing aggregate: read it, check the version the client expects, apply the
 * domain change, write it with its events, all under optimistic concurrency.
 *
 * <ul>
 *   <li>With versions expected ({@code If-Match}), an aggregate at another version is refused with
 *       {@link OptimisticLockingFailureException} (412), and so is a write that loses a race: the client's precondition
 *       no longer holds.
 *   <li>Without ({@code If-Match} absent or {@code *}), the change applies to the current version; a write that loses
 *       a race with another writer is applied again to the new state, up to {@value #ATTEMPTS} attempts in all, then
 *       refused with {@link OptimisticLockingFailureException} (409).
 * </ul>
 *
 * A change that alters nothing ({@code mutation} returns {@code false}) writes nothing and keeps the version.
 *
 * <pre>{@code
 * private final Changes<Organization> changes =
 *         Changes.of("Organization", organizations::byId, Organization::version, organizations::update);
 * ...
 * return changes.apply(id, expected, organization -> organization.archive(clock));
 * }</pre>
 *
 * @param <A> the aggregate
 */
public final class Changes<A> {

    /** Attempts of an unconditional change before it is refused as a concurrent modification. */
    public static final int ATTEMPTS = 3;

    private final String kind;
    private final Function<String, Optional<A>> find;
    private final ToLongFunction<A> version;
    private final UnaryOperator<A> write;

    private Changes(
            String kind, Function<String, Optional<A>> find, ToLongFunction<A> version, UnaryOperator<A> write) {
        this.kind = kind;
        this.find = find;
        this.version = version;
        this.write = write;
    }

    /**
     * @param kind the aggregate's name in messages, e.g. {@code Organization}
     * @param find reads the aggregate by id
     * @param version the version the aggregate was read at
     * @param write stores the changed aggregate and its events (through {@code AggregateStore.update}), throwing
     *     {@link OptimisticLockingFailureException} when it is no longer at the version it was read at
     */
    public static <A> Changes<A> of(
            String kind, Function<String, Optional<A>> find, ToLongFunction<A> version, UnaryOperator<A> write) {
        return new Changes<>(kind, find, version, write);
    }

    /**
     * @param mutation applies the domain change and tells whether anything changed; it may run more than once (on a
     *     fresh read each time), so it must not have effects outside the aggregate
     * @return the aggregate as written, or as read when nothing changed
     * @throws NotFoundException when there is no aggregate with this id
     */
    public A apply(String id, ExpectedVersion expected, Predicate<A> mutation) {
        for (int attempt = 1; ; attempt++) {
            A aggregate = find.apply(id).orElseThrow(() -> new NotFoundException(kind, id));
            long current = version.applyAsLong(aggregate);
            if (!expected.isSatisfiedBy(current)) {
                throw new OptimisticLockingFailureException(
                        kind + " " + id + " is at version " + current + ", not " + expected);
            }
            if (!mutation.test(aggregate)) {
                return aggregate;
            }
            try {
                return write.apply(aggregate);
            } catch (OptimisticLockingFailureException raced) {
                if (expected.isConditional() || attempt >= ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
