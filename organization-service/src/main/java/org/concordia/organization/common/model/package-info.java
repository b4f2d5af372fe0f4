/** Rules every feature shares: standard codes and how free text is taken in. Plain Java. */
@NullMarked
package org.concordia.organization.common.model;

import org.jspecify.annotations.NullMarked;
