/** Events of organization-service on the organization-events topic: organizations, people, memberships, partnerships. */
@NullMarked
package org.concordia.contracts.organization;

import org.jspecify.annotations.NullMarked;
