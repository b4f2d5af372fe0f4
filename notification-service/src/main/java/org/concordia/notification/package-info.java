/** notification-service: recipients, notifications and their delivery per channel. */
@NullMarked
package org.concordia.notification;

import org.jspecify.annotations.NullMarked;
