/** What to tell whom about each event: the rule table, in plain Java. */
@NullMarked
package org.concordia.notification.notice.model;

import org.jspecify.annotations.NullMarked;
