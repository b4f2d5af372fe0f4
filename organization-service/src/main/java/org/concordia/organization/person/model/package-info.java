/** People: names, e-mail addresses, languages and time zones. Plain Java. */
@NullMarked
package org.concordia.organization.person.model;

import org.jspecify.annotations.NullMarked;
