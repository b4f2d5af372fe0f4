/** Registrations and their rules in plain Java. */
@NullMarked
package org.concordia.meeting.registration.model;

import org.jspecify.annotations.NullMarked;
