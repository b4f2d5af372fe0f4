/** The demo announcements of the seeds' organizations, behind the demo switch. */
@NullMarked
package org.concordia.notification.announcement.demo;

import org.jspecify.annotations.NullMarked;
