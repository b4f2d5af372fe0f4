/** Preferences in MongoDB, {@code _id} = person id. */
@NullMarked
package org.concordia.notification.preference.persistence;

import org.jspecify.annotations.NullMarked;
