/** The registrations' REST API. */
@NullMarked
package org.concordia.meeting.registration.web;

import org.jspecify.annotations.NullMarked;
