/** The inbox API: list, unread count, mark read, live stream. */
@NullMarked
package org.concordia.notification.inbox.web;

import org.jspecify.annotations.NullMarked;
