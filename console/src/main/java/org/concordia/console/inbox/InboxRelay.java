package org.concordia.console.inbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.concordia.console.ConsoleProperties;
import org.concordia.console.signin.SignedIn;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relays a person's notification stream from notification-service to their page: one upstream connection per open
 * page, carrying the page's access token, each notification rendered as the inbox's list item in the page's
 * language and the person's zone.
 */
@Component
class InboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InboxRelay.class);
    private static final Duration PAGE_STREAM = Duration.ofMinutes(30);

    private final URI notifications;
    private final TemplateEngine templates;
    private final JsonMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "inbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    InboxRelay(ConsoleProperties properties, TemplateEngine templates, JsonMapper json) {
        this.notifications = properties.notificationUri();
        this.templates = templates;
        this.json = json;
    }

    SseEmitter open(SignedIn person, String token, Locale locale, @Nullable String lastEventId) {
        SseEmitter emitter = new SseEmitter(PAGE_STREAM.toMillis());
        AtomicReference<@Nullable InputStream> upstream = new AtomicReference<>();
        AtomicReference<@Nullable CompletableFuture<?>> connecting = new AtomicReference<>();
        Runnable close = () -> {
            // notification-service answers its headers with the first notification: until then, stop waiting
            CompletableFuture<?> pending = connecting.getAndSet(null);
            if (pending != null) {
                pending.cancel(true);
            }
            InputStream stream = upstream.getAndSet(null);
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        };
        open.add(emitter);
        emitter.onCompletion(() -> {
            open.remove(emitter);
            close.run();
        });
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        readers.execute(() -> relay(person, token, locale, lastEventId, emitter, connecting, upstream));
        return emitter;
    }

    private void relay(
            SignedIn person,
            String token,
            Locale locale,
            @Nullable String lastEventId,
            SseEmitter emitter,
            AtomicReference<@Nullable CompletableFuture<?>> connecting,
            AtomicReference<@Nullable InputStream> upstream) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        notifications.resolve("/api/v1/people/" + person.personId() + "/notifications/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null && !lastEventId.isBlank()) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            CompletableFuture<HttpResponse<InputStream>> answer =
                    http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            connecting.set(answer);
            HttpResponse<InputStream> response = answer.get();
            connecting.set(null);
            if (response.statusCode() != 200) {
                response.body().close();
                emitter.complete();
                return;
            }
            upstream.set(response.body());
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String event = null;
                String id = null;
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isEmpty()) {
                        if ("notification".equals(event) && !data.isEmpty()) {
                            forward(person, token, locale, id, data.toString(), emitter);
                        }
                        event = null;
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            }
            emitter.complete();
        } catch (IOException | RuntimeException | ExecutionException ended) {
            // the page went away, or notification-service did: the page's event source reconnects by itself
            log.debug("Inbox stream of {} ended: {}", person.personId(), ended.toString());
            emitter.completeWithError(ended);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }

    @SuppressWarnings("unchecked")
    private void forward(
            SignedIn person, String token, Locale locale, @Nullable String id, String data, SseEmitter emitter)
            throws IOException, InterruptedException {
        Map<String, Object> item = json.readValue(data, Map.class);
        InboxController.describeTime(item, person.zone(), locale);
        Context context = new Context(locale);
        context.setVariable("item", item);
        context.setVariable("zone", person.zone().getId());
        context.setVariable("live", true);
        String html = templates.process("fragments", java.util.Set.of("notification"), context);
        SseEmitter.SseEventBuilder notification =
                SseEmitter.event().name("notification").data(oneLine(html));
        if (id != null) {
            notification.id(id);
        }
        emitter.send(notification);
        emitter.send(SseEmitter.event().name("unread").data(Long.toString(unread(person.personId(), token))));
    }

    long unread(String personId, String token) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(
                                    notifications.resolve("/api/v1/people/" + personId + "/notifications/unread-count"))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return 0;
            }
            Object unread = json.readValue(response.body(), Map.class).get("unread");
            return unread instanceof Number number ? number.longValue() : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String oneLine(String html) {
        return html.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /**
     * Ends every page's stream as soon as the console begins to stop, before the web server's graceful shutdown waits
     * for active requests: an open stream would otherwise hold it for its whole timeout. Each page reconnects by itself.
     */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        open.forEach(SseEmitter::complete);
    }

    @Override
    public void destroy() {
        endStreams();
        readers.shutdownNow();
    }
}
