/** A person's preferences: channels per category, digest, quiet hours; plain Java. */
@NullMarked
package org.concordia.notification.preference.model;

import org.jspecify.annotations.NullMarked;
