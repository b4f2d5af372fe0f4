/** The local demo: every demo person gets a login with the documented demo password, and only with the demo switch. */
@NullMarked
package org.concordia.identity.demo;

import org.jspecify.annotations.NullMarked;
