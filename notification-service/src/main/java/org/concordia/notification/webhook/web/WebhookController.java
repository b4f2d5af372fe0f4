package org.concordia.notification.webhook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.concordia.notification.inbox.web.Ids;
import org.concordia.notification.webhook.RegisteringWebhooks;
import org.concordia.notification.webhook.Webhook;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Webhooks")
class WebhookController {

    private final RegisteringWebhooks registering;

    WebhookController(RegisteringWebhooks registering) {
        this.registering = registering;
    }

    /** @param url where notifications are POSTed; https (http only where the service allows it, for local use) */
    record WebhookRequest(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "\\S+")
            String url) {}

    /** The webhook; {@code secret} is present only in the answer that created it. */
    record WebhookView(
            String organizationId,
            String url,
            @Nullable String secret,
            boolean enabled,
            int consecutiveFailures,
            @Nullable String disabledReason,
            Instant createdAt) {

        static WebhookView of(Webhook w, boolean withSecret) {
            return new WebhookView(
                    w.organizationId(),
                    w.url(),
                    withSecret ? w.secret() : null,
                    w.enabled(),
                    w.consecutiveFailures(),
                    w.disabledReason(),
                    w.createdAt());
        }
    }

    @PutMapping("/api/v1/organizations/{organizationId}/webhook")
    @Operation(
            summary = "Register the organization's webhook",
            description = "Replaces any earlier one and re-enables it. The answer shows the signing secret, once."
                    + " Each notification for the organization is POSTed with webhook-id, webhook-timestamp and"
                    + " webhook-signature (v1, HMAC-SHA256 of id.timestamp.body), the Standard Webhooks scheme.")
    ResponseEntity<WebhookView> register(
            @PathVariable @Pattern(regexp = Ids.PERSON) String organizationId,
            @Valid @RequestBody WebhookRequest request) {
        Webhook webhook = registering.register(organizationId, request.url());
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + organizationId + "/webhook"))
                .body(WebhookView.of(webhook, true));
    }

    @GetMapping("/api/v1/organizations/{organizationId}/webhook")
    @Operation(summary = "The organization's webhook: whether enabled, and why not")
    WebhookView get(@PathVariable @Pattern(regexp = Ids.PERSON) String organizationId) {
        return WebhookView.of(registering.find(organizationId), false);
    }
}
