/** The service's OpenAPI document: its description and tags. */
@NullMarked
package org.concordia.organization.common.web;

import org.jspecify.annotations.NullMarked;
