/** The operators' screens: dead letters, failed deliveries, outbox backlog; replay and retry. */
@NullMarked
package org.concordia.console.operations;

import org.jspecify.annotations.NullMarked;
