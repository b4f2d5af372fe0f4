/** The member's inbox: notifications, live over Server-Sent Events, the unread count, marking read. */
@NullMarked
package org.concordia.console.inbox;

import org.jspecify.annotations.NullMarked;
