/** Registering, changing, archiving and finding organizations: the use cases. */
@NullMarked
package org.concordia.organization.organization;

import org.jspecify.annotations.NullMarked;
