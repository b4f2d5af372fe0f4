package org.concordia.platform.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.concordia.contracts.DomainEvent;

/** Which handler a consumer calls for which event type; event types without a handler are skipped. */
public final class EventHandlers {

    private final Map<Class<? extends DomainEvent>, BiConsumer<DomainEvent, EventMetadata>> handlers =
            new LinkedHashMap<>();

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

    BiConsumer<DomainEvent, EventMetadata> handlerFor(Class<? extends DomainEvent> type) {
        return handlers.get(type);
    }
}
