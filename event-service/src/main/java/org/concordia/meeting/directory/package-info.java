/**
 * What this service knows of people, organizations, memberships and projects: read models built only from
 * {@code organization-events} and {@code project-events}, so that invitations are checked and resolved without calling
 * another service. Every event is applied with a conditional upsert that never goes back in time; replaying the
 * topics, in whole or in part, rebuilds the same state.
 */
@NullMarked
package org.concordia.meeting.directory;

import org.jspecify.annotations.NullMarked;
