package org.concordia.organization.partnership.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.concordia.organization.partnership.model.PartnershipKind;

/** Two organizations forming a partnership, recorded by the first. */
record PartnershipRequest(
        @Schema(description = "The organization that records the partnership") @NotBlank @Size(max = 64)
        String organizationId,

        @Schema(description = "The partner") @NotBlank @Size(max = 64)
        String partnerOrganizationId,

        @Schema(example = "network_membership") @NotNull PartnershipKind kind,

        @Schema(description = "First day", example = "2019-11-21") @NotNull
        LocalDate since,

        @Schema(description = "Agreed last day, when limited")
        LocalDate until) {}
