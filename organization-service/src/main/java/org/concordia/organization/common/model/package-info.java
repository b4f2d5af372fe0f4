/** Rules every feature shares: standard codes and how free text is taken in. Plain Java. */
package org.concordia.organization.common.model;
