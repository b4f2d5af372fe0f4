/**
 * What a service's domain model may share with every other: the exceptions it refuses a request with, coded
 * enumerations and the international standard codes. Free of any framework.
 */
package org.concordia.platform.domain;
