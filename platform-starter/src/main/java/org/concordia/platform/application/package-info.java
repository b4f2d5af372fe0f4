/** What use cases of every service share: paging over ports, the outcome of an idempotent creation. */
@NullMarked
package org.concordia.platform.application;

import org.jspecify.annotations.NullMarked;
