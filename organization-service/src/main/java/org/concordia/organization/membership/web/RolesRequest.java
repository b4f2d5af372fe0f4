package org.concordia.organization.membership.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.concordia.organization.membership.model.Role;

/** The roles a member holds from now on. */
record RolesRequest(
        @Schema(description = "At least one role", example = "[\"coordinator\", \"representative\"]")
        @NotNull
        @Size(min = 1, max = 4)
        List<@NotNull Role> roles) {}
