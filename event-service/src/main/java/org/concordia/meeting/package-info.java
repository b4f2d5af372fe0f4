/** event-service: coordination meetings across time zones. */
@NullMarked
package org.concordia.meeting;

import org.jspecify.annotations.NullMarked;
