/** event-service: coordination meetings, their invitations, registrations and minutes. */
@NullMarked
package org.concordia.meeting;

import org.jspecify.annotations.NullMarked;
