package org.concordia.organization.membership;

import org.concordia.organization.membership.model.Membership;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.person.model.Person;

/** A membership with the organization and the person it joins, as a coordinator reads it. */
public record MembershipEntry(Membership membership, Organization organization, Person person) {}
