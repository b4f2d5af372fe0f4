/** Exceptions a domain throws to refuse a request, free of any framework. */
package org.concordia.platform.domain;
