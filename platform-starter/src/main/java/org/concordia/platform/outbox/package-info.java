/** Aggregates written together with their events, and the relay that publishes the events to Kafka. */
@NullMarked
package org.concordia.platform.outbox;

import org.jspecify.annotations.NullMarked;
