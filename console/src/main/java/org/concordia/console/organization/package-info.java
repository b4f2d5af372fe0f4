/** A coordinator's organizations, chapters and members. */
@NullMarked
package org.concordia.console.organization;

import org.jspecify.annotations.NullMarked;
