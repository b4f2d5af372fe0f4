/**
 * Delivery of notifications over e-mail and webhooks: each delivery is recorded under a deterministic id before it
 * is attempted, claimed with a lease so that one instance sends it, retried with backoff, and its state (pending,
 * sent, failed, attempts, last error) kept for operators.
 */
@NullMarked
package org.concordia.notification.delivery;

import org.jspecify.annotations.NullMarked;
