/** The people API. */
@NullMarked
package org.concordia.organization.person.web;

import org.jspecify.annotations.NullMarked;
