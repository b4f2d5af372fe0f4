package org.concordia.project.project.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.concordia.project.project.model.Limits;
import org.concordia.project.project.model.PartnerRole;

@Schema(description = "An organization to invite; it must be known from organization-events and not archived")
record InvitationRequest(
        @NotBlank @Size(max = Limits.ID, message = "must be at most {max} characters")
        String organizationId,

        @Schema(description = "partner (default) or associate")
        PartnerRole role) {

    PartnerRole roleOrDefault() {
        return role == null ? PartnerRole.PARTNER : role;
    }
}
