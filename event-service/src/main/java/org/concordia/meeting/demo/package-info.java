/**
 * The seeds' meetings, scheduled with {@code concordia.demo.load=true} once the demo people, organizations and project
 * have arrived from organization-events and project-events.
 */
@NullMarked
package org.concordia.meeting.demo;

import org.jspecify.annotations.NullMarked;
