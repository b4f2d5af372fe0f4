package org.concordia.notification.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.concordia.notification.delivery.Channel;
import org.concordia.notification.delivery.Delivery;
import org.concordia.platform.inbox.ConsumerTracing;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The webhook channel: POSTs the notification's JSON with {@code webhook-id} (the delivery id, the same on every
 * retry), {@code webhook-timestamp} and {@code webhook-signature}. A 2xx answer is success; anything else counts
 * against the endpoint, which is disabled after {@code disable-after} failures in a row. Before each post the
 * endpoint's host is resolved and checked again ({@link WebhookTargets}); redirects are never followed (a 3xx is a
 * failure); connecting and the whole answer are bounded in time, and no more than {@code max-response-bytes} of
 * the answer are read. The post carries the trace of the work that arranged the notification ({@code traceparent},
 * {@code tracestate}, {@code baggage}).
 */
@Component
class Posting implements Channel {

    private final Webhooks webhooks;
    private final WebhookTargets targets;
    private final Clock clock;
    private final int disableAfter;
    private final Duration readTimeout;
    private final long maxResponseBytes;
    private final HttpClient http;
    private final ConsumerTracing tracing;

    Posting(
            Webhooks webhooks,
            WebhookTargets targets,
            Clock clock,
            ConsumerTracing tracing,
            @Value("${concordia.notification.webhooks.disable-after:5}") int disableAfter,
            @Value("${concordia.notification.webhooks.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${concordia.notification.webhooks.read-timeout:PT10S}") Duration readTimeout,
            @Value("${concordia.notification.webhooks.max-response-bytes:65536}") long maxResponseBytes) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.clock = clock;
        this.tracing = tracing;
        this.disableAfter = disableAfter;
        this.readTimeout = readTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    @Override
    public String name() {
        return Delivery.WEBHOOK;
    }

    @Override
    public void send(Delivery delivery) {
        Webhook webhook = webhooks.find(delivery.subject())
                .orElseThrow(() -> new Undeliverable("The organization has no webhook", true, null));
        if (!webhook.enabled()) {
            throw new Undeliverable("The webhook is disabled: " + webhook.disabledReason(), true, null);
        }
        String error = post(webhook, delivery);
        if (error == null) {
            webhooks.succeeded(webhook.organizationId());
            return;
        }
        webhooks.failed(webhook.organizationId(), error, disableAfter);
        throw new Undeliverable(error, false, null);
    }

    /** @return why it failed, or null when the endpoint took it */
    private @Nullable String post(Webhook webhook, Delivery delivery) {
        URI uri = URI.create(webhook.url());
        try {
            targets.deliverable(uri);
        } catch (WebhookTargets.Refused e) {
            return "Not posted to " + webhook.url() + ": " + e.getMessage();
        }
        String body = delivery.payload() == null ? "{}" : delivery.payload();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        // the trace of the work that arranged the notification, so the receiver's logs can join it
        tracing.current().forEach(builder::header);
        HttpRequest request = builder.timeout(readTimeout)
                .header("content-type", "application/json")
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signing.signature(webhook.secret(), delivery.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<Long>> answer =
                http.sendAsync(request, info -> new CappedBody(maxResponseBytes));
        try {
            HttpResponse<Long> response = answer.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode() + " from " + webhook.url();
        } catch (TimeoutException e) {
            answer.cancel(true);
            return "No complete answer from " + webhook.url() + " within " + readTimeout.toSeconds() + " s";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + " posting to " + webhook.url()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Counts the answer's bytes and stops reading (closing the exchange) beyond the limit. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<Long> {

        private final long limit;
        private final CompletableFuture<Long> done = new CompletableFuture<>();
        private Flow.@Nullable Subscription subscription;
        private long seen;

        CappedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<Long> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                seen += buffer.remaining();
            }
            if (seen > limit && subscription != null) {
                subscription.cancel();
                done.complete(seen);
            }
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            done.complete(seen);
        }
    }
}
