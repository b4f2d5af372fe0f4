/** Who may call what: the service's access rules, in one place, and the organization hierarchy they follow. */
@NullMarked
package org.concordia.notification.access;

import org.jspecify.annotations.NullMarked;
