/** The CloudEvents envelope and the JSON of events, shared by the outbox and the consumers. */
@NullMarked
package org.concordia.platform.envelope;

import org.jspecify.annotations.NullMarked;
