/** The preferences API. */
@NullMarked
package org.concordia.notification.preference.web;

import org.jspecify.annotations.NullMarked;
