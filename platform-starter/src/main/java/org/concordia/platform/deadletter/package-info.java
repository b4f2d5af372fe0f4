/** Dead letters for operators: listing what consumers gave up on, and replaying it. */
@NullMarked
package org.concordia.platform.deadletter;

import org.jspecify.annotations.NullMarked;
