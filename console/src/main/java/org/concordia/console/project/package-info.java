/** A coordinator's projects: partners by country and the milestone timeline. */
@NullMarked
package org.concordia.console.project;

import org.jspecify.annotations.NullMarked;
