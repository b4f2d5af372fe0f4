/** Health indicators for MongoDB and Kafka. */
@NullMarked
package org.concordia.platform.observability;

import org.jspecify.annotations.NullMarked;
