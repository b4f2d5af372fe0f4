/** Registering and changing people: the use cases. */
@NullMarked
package org.concordia.organization.person;

import org.jspecify.annotations.NullMarked;
