package org.concordia.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.concordia.notification.delivery.Channel;
import org.concordia.notification.delivery.Delivery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The webhook channel: POSTs the notification's JSON with {@code webhook-id} (the delivery id, the same on every
 * retry), {@code webhook-timestamp} and {@code webhook-signature}. A 2xx answer is success; anything else counts
 * against the endpoint, which is disabled after {@code disable-after} failures in a row.
 */
@Component
class Posting implements Channel {

    private final Webhooks webhooks;
    private final Clock clock;
    private final int disableAfter;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Posting(
            Webhooks webhooks,
            Clock clock,
            @Value("${concordia.notification.webhooks.disable-after:5}") int disableAfter) {
        this.webhooks = webhooks;
        this.clock = clock;
        this.disableAfter = disableAfter;
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
        String body = delivery.payload() == null ? "{}" : delivery.payload();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(Duration.ofSeconds(10))
                .header("content-type", "application/json")
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signing.signature(webhook.secret(), delivery.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        String error;
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                webhooks.succeeded(webhook.organizationId());
                return;
            }
            error = "HTTP " + response.statusCode() + " from " + webhook.url();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + " posting to " + webhook.url() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        webhooks.failed(webhook.organizationId(), error, disableAfter);
        throw new Undeliverable(error, false, null);
    }
}
