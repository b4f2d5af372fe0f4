/** Events of project-service on the project-events topic, keyed by project id; partners and milestones live inside the project. */
@NullMarked
package org.concordia.contracts.project;

import org.jspecify.annotations.NullMarked;
