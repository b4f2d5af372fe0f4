/**
 * International projects and their rules, in plain Java: a lead organization, partners who answer invitations,
 * milestones with due dates and hosts, and the lifecycle draft → active → completed, or cancelled. Each change
 * records the events that tell other services about it.
 */
@NullMarked
package org.concordia.project.project.model;

import org.jspecify.annotations.NullMarked;
