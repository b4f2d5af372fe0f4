package org.concordia.notification.webhook;

import java.time.Clock;
import java.util.Optional;
import org.concordia.platform.domain.NotFoundException;
import org.springframework.stereotype.Service;

/** An organization registers, re-enables, looks at, re-keys or removes its webhook. */
@Service
public class RegisteringWebhooks {

    private final Webhooks webhooks;
    private final WebhookTargets targets;
    private final Clock clock;

    RegisteringWebhooks(Webhooks webhooks, WebhookTargets targets, Clock clock) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.clock = clock;
    }

    /** Registers (or replaces) the endpoint with a new secret, which only this answer shows. */
    public Webhook register(String organizationId, String url) {
        targets.registrable(url);
        long version = webhooks.find(organizationId).map(w -> w.version() + 1).orElse(0L);
        Webhook webhook =
                new Webhook(organizationId, url, Signing.newSecret(), true, 0, null, clock.instant(), version);
        webhooks.save(webhook);
        return webhook;
    }

    /** A new signing secret for the same endpoint, which only this answer shows; the old one stops signing. */
    public Webhook rotateSecret(String organizationId) {
        Webhook current = find(organizationId);
        Webhook rotated = new Webhook(
                organizationId,
                current.url(),
                Signing.newSecret(),
                current.enabled(),
                current.consecutiveFailures(),
                current.disabledReason(),
                current.createdAt(),
                current.version() + 1);
        webhooks.save(rotated);
        return rotated;
    }

    /** Removes the endpoint: nothing is posted to it any more. */
    public void remove(String organizationId) {
        if (!webhooks.remove(organizationId)) {
            throw new NotFoundException("The webhook of organization", organizationId);
        }
    }

    public Webhook find(String organizationId) {
        return webhooks.find(organizationId)
                .orElseThrow(() -> new NotFoundException("The webhook of organization", organizationId));
    }

    public Optional<Webhook> maybe(String organizationId) {
        return webhooks.find(organizationId);
    }
}
