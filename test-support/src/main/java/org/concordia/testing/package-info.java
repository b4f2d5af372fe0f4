/**
 * Infrastructure for integration tests and checks every module shares: the real broker and database, topics,
 * outboxes, the OpenAPI lint, null-marked packages.
 */
@NullMarked
package org.concordia.testing;

import org.jspecify.annotations.NullMarked;
