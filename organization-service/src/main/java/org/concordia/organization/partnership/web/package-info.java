/** The partnerships API. */
@NullMarked
package org.concordia.organization.partnership.web;

import org.jspecify.annotations.NullMarked;
