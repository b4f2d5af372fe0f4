/**
 * The HTTP conventions every service shares: Problem Details, ETags and If-Match, idempotency keys, strict JSON,
 * paging, standard codes.
 */
@NullMarked
package org.concordia.platform.web;

import org.jspecify.annotations.NullMarked;
