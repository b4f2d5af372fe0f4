/**
 * Who is who, learnt only from {@code organization-events}, {@code project-events} and {@code meeting-events}:
 * people (language, zone, e-mail), memberships and roles, organization trees, project lead and partners, meeting
 * targets and registrations. Every change is a conditional upsert, so a replay of the topics rebuilds the same
 * state, and audiences are expanded against it in batches.
 */
@NullMarked
package org.concordia.notification.recipient;

import org.jspecify.annotations.NullMarked;
