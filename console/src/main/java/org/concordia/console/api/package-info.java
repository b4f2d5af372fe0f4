/** The services' APIs as the signed-in person calls them: bearer token on every call, Problem Details as exceptions. */
@NullMarked
package org.concordia.console.api;

import org.jspecify.annotations.NullMarked;
