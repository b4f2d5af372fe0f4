/**
 * Who may do what with meetings: the service's access rules in one place ({@link
 * org.concordia.meeting.access.AccessRules}), and the organization hierarchy they follow, from the service's own read
 * model.
 */
@NullMarked
package org.concordia.meeting.access;

import org.jspecify.annotations.NullMarked;
