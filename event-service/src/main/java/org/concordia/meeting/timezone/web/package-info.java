/** The time-zone views' REST API. */
@NullMarked
package org.concordia.meeting.timezone.web;

import org.jspecify.annotations.NullMarked;
