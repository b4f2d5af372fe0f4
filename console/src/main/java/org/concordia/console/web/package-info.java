/** What every page shares: the layout's model, the person's language and zone, messages for API problems. */
@NullMarked
package org.concordia.console.web;

import org.jspecify.annotations.NullMarked;
