/**
 * Delivery throughput and latency of the platform starter, printed beside the raw Kafka and MongoDB rates of the same
 * run.
 */
@NullMarked
package org.concordia.benchmarks;

import org.jspecify.annotations.NullMarked;
