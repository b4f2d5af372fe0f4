/** Partnerships between organizations. Plain Java. */
package org.concordia.organization.partnership.model;
