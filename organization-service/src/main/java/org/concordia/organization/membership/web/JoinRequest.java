package org.concordia.organization.membership.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.concordia.organization.membership.model.Role;

/** A person joining an organization. */
record JoinRequest(
        @Schema(description = "Id of a registered person") @NotBlank @Size(max = 64)
        String personId,

        @Schema(description = "At least one role", example = "[\"coordinator\"]") @NotNull @Size(min = 1, max = 4)
        List<@NotNull Role> roles,

        @Schema(description = "First day of the mandate, when it is limited", example = "2025-01-01")
        LocalDate validFrom,

        @Schema(description = "Last day of the mandate, when it is limited", example = "2027-12-31")
        LocalDate validUntil) {}
