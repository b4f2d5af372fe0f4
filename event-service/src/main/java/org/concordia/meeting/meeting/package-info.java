/** Scheduling coordination meetings and series, and changing them: the use cases over {@code model}. */
@NullMarked
package org.concordia.meeting.meeting;

import org.jspecify.annotations.NullMarked;
