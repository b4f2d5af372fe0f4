/** People joining organizations, changing roles and leaving: the use cases. */
@NullMarked
package org.concordia.organization.membership;

import org.jspecify.annotations.NullMarked;
