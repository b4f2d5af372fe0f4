/**
 * The parts of every service's OpenAPI document that are the same everywhere: shared header texts, the Problem
 * Details schema and the error responses of every operation.
 */
@NullMarked
package org.concordia.platform.openapi;

import org.jspecify.annotations.NullMarked;
