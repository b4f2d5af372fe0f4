/** The announcements API. */
@NullMarked
package org.concordia.notification.announcement.web;

import org.jspecify.annotations.NullMarked;
