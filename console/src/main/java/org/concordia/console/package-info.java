/** The web console: server-rendered pages over the services' APIs, as the signed-in person. */
@NullMarked
package org.concordia.console;

import org.jspecify.annotations.NullMarked;
