/** Announcements: a coordinator tells a whole network something, in each member's language; written, scheduled, sent, corrected and reported here, fanned out through the notification pipeline. */
@NullMarked
package org.concordia.notification.announcement;

import org.jspecify.annotations.NullMarked;
