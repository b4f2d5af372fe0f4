/** Projects in MongoDB, written through the platform's {@code AggregateStore}. */
@NullMarked
package org.concordia.project.project.persistence;

import org.jspecify.annotations.NullMarked;
