package org.concordia.organization.partnership;

import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.partnership.model.Partnership;

/** A partnership with both organizations, as a coordinator reads it. */
public record PartnershipEntry(Partnership partnership, Organization organization, Organization partner) {}
