/**
 * Organizations' webhooks: an HTTPS endpoint per organization receives its notifications as signed JSON (the
 * Standard Webhooks scheme), retried with backoff and disabled after repeated failures.
 */
@NullMarked
package org.concordia.notification.webhook;

import org.jspecify.annotations.NullMarked;
