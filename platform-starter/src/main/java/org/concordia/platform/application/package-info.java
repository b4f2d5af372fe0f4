/** What use cases of every service share: paging over ports, the outcome of an idempotent creation. */
package org.concordia.platform.application;
