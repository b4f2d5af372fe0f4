/** The projects, partners and milestones API. */
@NullMarked
package org.concordia.project.project.web;

import org.jspecify.annotations.NullMarked;
