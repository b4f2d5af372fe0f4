/**
 * What a service's domain model may share with every other: the exceptions it refuses a request with, coded
 * enumerations and the international standard codes. Free of any framework.
 */
@NullMarked
package org.concordia.platform.domain;

import org.jspecify.annotations.NullMarked;
