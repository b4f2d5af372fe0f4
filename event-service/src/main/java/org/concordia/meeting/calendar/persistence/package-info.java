/** Calendar feed tokens, stored only as hashes. */
@NullMarked
package org.concordia.meeting.calendar.persistence;

import org.jspecify.annotations.NullMarked;
