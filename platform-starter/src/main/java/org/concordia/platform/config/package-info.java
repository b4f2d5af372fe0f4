/** The auto-configuration that gives every service the platform starter's beans and defaults. */
@NullMarked
package org.concordia.platform.config;

import org.jspecify.annotations.NullMarked;
