package org.concordia.project.project.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.concordia.project.project.model.Limits;
import org.concordia.project.project.model.ProjectDetails;

@Schema(description = "A project the lead organization proposes; it is a draft until activated")
record ProposeProjectRequest(
        @Schema(
                example = "Współpraca międzynarodowa jako metoda budowania lokalnego potencjału integracyjnego polskich"
                        + " miast (Lublina i Białegostoku)")
        @NotBlank
        @Size(max = Limits.TITLE, message = "must be at most {max} characters")
        String title,

        @Size(max = Limits.SUMMARY, message = "must be at most {max} characters")
        String summary,

        @Size(max = Limits.GOALS, message = "must have at most {max} goals")
        List<@NotBlank @Size(max = Limits.GOAL, message = "must be at most {max} characters") String> goals,

        @Schema(description = "The lead organization, as organization-service knows it")
        @NotBlank
        @Size(max = Limits.ID, message = "must be at most {max} characters")
        String leadOrganizationId,

        @Schema(description = "First day of the planned period", example = "2026-03-01") @NotNull
        LocalDate plannedStart,

        @Schema(description = "Last day of the planned period", example = "2027-08-31") @NotNull
        LocalDate plannedEnd,

        @Valid FundingRequest funding) {

    ProjectDetails details() {
        return new ProjectDetails(
                title, summary, goals, plannedStart, plannedEnd, funding == null ? null : funding.toModel());
    }
}
