/** The demo directory, loaded with {@code concordia.demo.load=true}, with ids other services refer to. */
@NullMarked
package org.concordia.organization.demo;

import org.jspecify.annotations.NullMarked;
