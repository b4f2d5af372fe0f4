/** The announcement aggregate and its rules, in plain Java. */
@NullMarked
package org.concordia.notification.announcement.model;

import org.jspecify.annotations.NullMarked;
