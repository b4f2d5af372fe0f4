/** The launcher behind {@code ./run-local}: the embedded infrastructure and every service on this machine. */
@NullMarked
package org.concordia.local;

import org.jspecify.annotations.NullMarked;
