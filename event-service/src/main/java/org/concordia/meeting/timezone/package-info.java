/**
 * Times as each invitee lives them: local start and end in their own zone, flagged outside 08:00–20:00 or on their
 * weekend, and a slot finder ranking candidate starts. Large targets are streamed and reduced to distinct zones with
 * counts, so the views stay small whatever a network's size.
 */
@NullMarked
package org.concordia.meeting.timezone;

import org.jspecify.annotations.NullMarked;
