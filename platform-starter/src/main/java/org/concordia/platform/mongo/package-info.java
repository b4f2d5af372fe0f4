/** MongoDB writes every service shares: bulk writes keyed by deterministic ids, where a duplicate key means "done". */
@NullMarked
package org.concordia.platform.mongo;

import org.jspecify.annotations.NullMarked;
