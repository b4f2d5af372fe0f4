/** Meetings: a member's invitations and answers, a coordinator's scheduling with the time-zone view. */
@NullMarked
package org.concordia.console.meeting;

import org.jspecify.annotations.NullMarked;
