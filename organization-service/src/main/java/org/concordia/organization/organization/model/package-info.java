/** Organizations and their chapters: the rules, in plain Java, free of Spring and MongoDB. */
@NullMarked
package org.concordia.organization.organization.model;

import org.jspecify.annotations.NullMarked;
