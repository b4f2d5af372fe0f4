/** A member's notification preferences and calendar subscription. */
@NullMarked
package org.concordia.console.preferences;

import org.jspecify.annotations.NullMarked;
