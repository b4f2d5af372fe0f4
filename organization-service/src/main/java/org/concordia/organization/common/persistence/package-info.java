/** How every feature stores what it shares: dates, and the indexes its collections need. */
@NullMarked
package org.concordia.organization.common.persistence;

import org.jspecify.annotations.NullMarked;
