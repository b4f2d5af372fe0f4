/** How a service's process lives and ends beside the processes around it. */
@NullMarked
package org.concordia.platform.lifecycle;

import org.jspecify.annotations.NullMarked;
