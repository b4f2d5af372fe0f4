/** The organizations API. */
@NullMarked
package org.concordia.organization.organization.web;

import org.jspecify.annotations.NullMarked;
