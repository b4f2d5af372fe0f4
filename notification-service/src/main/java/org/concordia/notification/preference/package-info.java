/** Each person's preferences: channels per category, digest, quiet hours. */
@NullMarked
package org.concordia.notification.preference;

import org.jspecify.annotations.NullMarked;
