/** Events of notification-service's announcements, on {@code announcement-events}. */
@NullMarked
package org.concordia.contracts.announcement;

import org.jspecify.annotations.NullMarked;
