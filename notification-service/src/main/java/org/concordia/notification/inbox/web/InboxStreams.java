package org.concordia.notification.inbox.web;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.concordia.notification.inbox.InboxItem;
import org.concordia.notification.inbox.Reading;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open SSE streams. Each looks at its person's inbox counts (two {@code _id} reads) every poll interval and sends
 * what came after the last notification it sent; polling the store rather than listening in memory lets any
 * instance serve a stream whichever instance stored the notification.
 */
@Component
class InboxStreams {

    private final Reading reading;
    private final ApplicationContext context;
    private final Duration poll;
    private final Duration timeout;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "inbox-streams");
        thread.setDaemon(true);
        return thread;
    });

    InboxStreams(
            Reading reading,
            ApplicationContext context,
            @Value("${concordia.notification.stream.poll:PT1S}") Duration poll,
            @Value("${concordia.notification.stream.timeout:PT30M}") Duration timeout) {
        this.reading = reading;
        this.context = context;
        this.poll = poll;
        this.timeout = timeout;
        timer.scheduleWithFixedDelay(this::pollAll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    SseEmitter open(String personId, @Nullable String lastEventId) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Stream stream = new Stream(personId, emitter, lastEventId == null ? reading.newest(personId) : lastEventId);
        emitter.onCompletion(() -> open.remove(stream));
        emitter.onTimeout(() -> open.remove(stream));
        emitter.onError(e -> open.remove(stream));
        open.add(stream);
        if (lastEventId != null) {
            timer.execute(() -> send(stream));
        }
        return emitter;
    }

    private void pollAll() {
        for (Stream stream : open) {
            send(stream);
        }
    }

    private void send(Stream stream) {
        synchronized (stream) {
            try {
                long total = reading.counts(stream.personId).total();
                if (total == stream.seenTotal && stream.lastId != null) {
                    return;
                }
                List<InboxItem> items = reading.after(stream.personId, stream.lastId, 100);
                for (InboxItem item : items) {
                    stream.emitter.send(SseEmitter.event()
                            .id(item.id())
                            .name("notification")
                            .data(InboxItemView.of(item), MediaType.APPLICATION_JSON));
                    stream.lastId = item.id();
                }
                if (items.size() < 100) {
                    stream.seenTotal = total;
                }
            } catch (IOException | IllegalStateException e) {
                open.remove(stream);
            } catch (RuntimeException e) {
                // the store is unreachable for now; the next poll tries again
            }
        }
    }

    /**
     * Ends every open stream as soon as the service begins to stop, before the web server's graceful shutdown waits
     * for active requests: an open stream would otherwise hold it for its whole timeout. Each page's event source
     * reconnects by itself, with its {@code Last-Event-ID}, to whichever instance is up.
     */
    @EventListener
    void endStreams(ContextClosedEvent closed) {
        // the binders' own contexts publish their closing here too; only this service's stopping ends the streams
        if (closed.getApplicationContext() == context) {
            endStreams();
        }
    }

    private void endStreams() {
        open.forEach(s -> s.emitter.complete());
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
        endStreams();
    }

    private static final class Stream {
        final String personId;
        final SseEmitter emitter;

        @Nullable
        String lastId;

        long seenTotal = -1;

        Stream(String personId, SseEmitter emitter, @Nullable String lastId) {
            this.personId = personId;
            this.emitter = emitter;
            this.lastId = lastId;
        }
    }
}
