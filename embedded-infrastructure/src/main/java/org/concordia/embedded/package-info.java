/** A real Kafka broker (KRaft) and a MongoDB wire-protocol server, started in-process on chosen ports. */
@NullMarked
package org.concordia.embedded;

import org.jspecify.annotations.NullMarked;
