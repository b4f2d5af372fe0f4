/** Codes and conventions shared by this service's domain packages; plain Java. */
@NullMarked
package org.concordia.project.common.model;

import org.jspecify.annotations.NullMarked;
