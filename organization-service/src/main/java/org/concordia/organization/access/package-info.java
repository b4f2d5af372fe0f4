/**
 * Who may do what in the directory: the service's access rules in one place ({@link
 * org.concordia.organization.access.AccessRules}), and the organizations' parent line they follow.
 */
@NullMarked
package org.concordia.organization.access;

import org.jspecify.annotations.NullMarked;
