/** project-service: international projects, their partners and milestones. */
@NullMarked
package org.concordia.project;

import org.jspecify.annotations.NullMarked;
