package org.concordia.notification.webhook;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An organization's endpoint.
 *
 * @param secret the signing key, {@code whsec_<base64>}; shown to the organization once, at creation
 * @param consecutiveFailures failed attempts since the last success; the endpoint is disabled at the limit
 * @param disabledReason why it was disabled, when it was
 */
public record Webhook(
        String organizationId,
        String url,
        String secret,
        boolean enabled,
        int consecutiveFailures,
        @Nullable String disabledReason,
        Instant createdAt,
        long version) {}
