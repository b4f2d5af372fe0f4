package org.concordia.notification.webhook;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** An organization registers, re-enables or looks at its webhook. */
@Service
public class RegisteringWebhooks {

    private final Webhooks webhooks;
    private final Clock clock;
    private final boolean allowHttp;

    RegisteringWebhooks(
            Webhooks webhooks,
            Clock clock,
            @Value("${concordia.notification.webhooks.allow-http:false}") boolean allowHttp) {
        this.webhooks = webhooks;
        this.clock = clock;
        this.allowHttp = allowHttp;
    }

    /** Registers (or replaces) the endpoint with a new secret, which only this answer shows. */
    public Webhook register(String organizationId, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("url is not an address", "url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new RuleViolationException(
                    allowHttp ? "url must be an http:// or https:// address" : "url must be an https:// address",
                    "url");
        }
        if (uri.getHost() == null) {
            throw new RuleViolationException("url must name a host", "url");
        }
        long version = webhooks.find(organizationId).map(w -> w.version() + 1).orElse(0L);
        Webhook webhook =
                new Webhook(organizationId, url, Signing.newSecret(), true, 0, null, clock.instant(), version);
        webhooks.save(webhook);
        return webhook;
    }

    public Webhook find(String organizationId) {
        return webhooks.find(organizationId)
                .orElseThrow(() -> new NotFoundException("The webhook of organization", organizationId));
    }

    public Optional<Webhook> maybe(String organizationId) {
        return webhooks.find(organizationId);
    }
}
