/** Idempotent consumption: each event takes effect once per consumer, with retries and dead letters. */
@NullMarked
package org.concordia.platform.inbox;

import org.jspecify.annotations.NullMarked;
