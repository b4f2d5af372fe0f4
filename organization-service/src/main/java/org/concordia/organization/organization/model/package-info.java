/** Organizations and their chapters: the rules, in plain Java, free of Spring and MongoDB. */
package org.concordia.organization.organization.model;
