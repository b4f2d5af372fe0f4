/** People: names, e-mail addresses, languages and time zones. Plain Java. */
package org.concordia.organization.person.model;
