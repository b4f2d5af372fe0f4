package org.concordia.platform.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.concordia.contracts.DomainEvent;

/** Which handler a consumer calls for which event type; event types without a handler are skipped. */
public final class EventHandlers {

    private final Map<Class<? extends DomainEvent>, BiConsumer<DomainEvent, EventMetadata>> handlers =
            new LinkedHashMap<>();

    private Runnable batchStarted = () -> {};
    private Runnable batchFinished = () -> {};

    private EventHandlers() {}

    public static EventHandlers create() {
        return new EventHandlers();
    }

    public <T extends DomainEvent> EventHandlers on(Class<T> type, Consumer<? super T> handler) {
        return onWithMetadata(type, (event, metadata) -> handler.accept(event));
    }

    @SuppressWarnings("unchecked")
    public <T extends DomainEvent> EventHandlers onWithMetadata(
            Class<T> type, BiConsumer<? super T, EventMetadata> handler) {
        handlers.put(type, (event, metadata) -> handler.accept((T) event, metadata));
        return this;
    }

    /**
     * Lets the handlers of one batch (one Kafka poll) defer part of their work to its end and do it together, e.g.
     * write the effects of many events with one bulk write. The consumer runs {@code started} before the first handler
     * of a batch and {@code finished} after the last handler that ran, before writing their processed marks (also when
     * a handler failed, for those before it); if {@code finished} fails, the whole batch is handled again. A handler
     * run outside a batch ({@link IdempotentConsumer#handleAgain}) sees neither, so it must do its work at once then.
     */
    public EventHandlers aroundBatches(Runnable started, Runnable finished) {
        this.batchStarted = started;
        this.batchFinished = finished;
        return this;
    }

    void batchStarted() {
        batchStarted.run();
    }

    void batchFinished() {
        batchFinished.run();
    }

    /** The event classes handled, sorted by name: what a record this consumer skipped had no handler among. */
    List<String> handled() {
        return handlers.keySet().stream().map(Class::getName).sorted().toList();
    }

    BiConsumer<DomainEvent, EventMetadata> handlerFor(Class<? extends DomainEvent> type) {
        return handlers.get(type);
    }
}
