package org.concordia.notification.webhook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.concordia.notification.access.AccessRules;
import org.concordia.notification.access.AccessRules.Action;
import org.concordia.notification.inbox.web.Ids;
import org.concordia.notification.webhook.RegisteringWebhooks;
import org.concordia.notification.webhook.Webhook;
import org.concordia.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Webhooks")
class WebhookController {

    private final RegisteringWebhooks registering;
    private final AccessRules rules;

    WebhookController(RegisteringWebhooks registering, AccessRules rules) {
        this.registering = registering;
        this.rules = rules;
    }

    /** @param url where notifications are POSTed; https to a public address (http only where allowed, locally) */
    record WebhookRequest(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "\\S+")
            String url) {}

    /** The webhook; {@code secret} is present only in the answer that created or re-keyed it. */
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
            summary = "Register the organization's webhook (coordinators of the organization or above)",
            description = "Replaces any earlier one and re-enables it. The answer shows the signing secret, once."
                    + " Each notification for the organization is POSTed with webhook-id, webhook-timestamp and"
                    + " webhook-signature (v1, HMAC-SHA256 of id.timestamp.body), the Standard Webhooks scheme."
                    + " The url must be https:// and lead to a public address (400 otherwise).")
    ResponseEntity<WebhookView> register(
            Caller caller,
            @PathVariable @Pattern(regexp = Ids.PERSON) String organizationId,
            @Valid @RequestBody WebhookRequest request) {
        rules.require(caller, Action.MANAGE_WEBHOOK, organizationId);
        Webhook webhook = registering.register(organizationId, request.url());
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + organizationId + "/webhook"))
                .body(WebhookView.of(webhook, true));
    }

    @GetMapping("/api/v1/organizations/{organizationId}/webhook")
    @Operation(summary = "The organization's webhook: whether enabled, and why not (never its secret)")
    WebhookView get(Caller caller, @PathVariable @Pattern(regexp = Ids.PERSON) String organizationId) {
        rules.require(caller, Action.MANAGE_WEBHOOK, organizationId);
        return WebhookView.of(registering.find(organizationId), false);
    }

    @PostMapping("/api/v1/organizations/{organizationId}/webhook/secret")
    @Operation(
            summary = "Give the organization's webhook a new signing secret",
            description = "The answer shows the new secret, once; from now on only it signs. 404 without a webhook.")
    WebhookView rotateSecret(Caller caller, @PathVariable @Pattern(regexp = Ids.PERSON) String organizationId) {
        rules.require(caller, Action.MANAGE_WEBHOOK, organizationId);
        return WebhookView.of(registering.rotateSecret(organizationId), true);
    }

    @DeleteMapping("/api/v1/organizations/{organizationId}/webhook")
    @Operation(summary = "Remove the organization's webhook; nothing is posted to it any more (404 without one)")
    ResponseEntity<Void> remove(Caller caller, @PathVariable @Pattern(regexp = Ids.PERSON) String organizationId) {
        rules.require(caller, Action.MANAGE_WEBHOOK, organizationId);
        registering.remove(organizationId);
        return ResponseEntity.noContent().build();
    }
}
