/** Events of event-service on the meeting-events topic, keyed by meeting id; registrations and minutes live inside the meeting. */
@NullMarked
package org.concordia.contracts.meeting;

import org.jspecify.annotations.NullMarked;
