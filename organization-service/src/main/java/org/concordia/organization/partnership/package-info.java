/** Forming and ending partnerships between organizations: the use cases. */
@NullMarked
package org.concordia.organization.partnership;

import org.jspecify.annotations.NullMarked;
