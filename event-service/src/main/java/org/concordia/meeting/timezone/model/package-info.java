/** Working hours, local times and slot ranking in plain java.time: daylight saving comes from the zone rules. */
@NullMarked
package org.concordia.meeting.timezone.model;

import org.jspecify.annotations.NullMarked;
