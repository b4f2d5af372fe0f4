/** Partnerships between organizations. Plain Java. */
@NullMarked
package org.concordia.organization.partnership.model;

import org.jspecify.annotations.NullMarked;
