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

@Schema(description = "A project's details in full; funding absent removes it. The lead does not change.")
record ProjectDetailsRequest(
        @NotBlank @Size(max = Limits.TITLE, message = "must be at most {max} characters")
        String title,

        @Size(max = Limits.SUMMARY, message = "must be at most {max} characters")
        String summary,

        @Size(max = Limits.GOALS, message = "must have at most {max} goals")
        List<@NotBlank @Size(max = Limits.GOAL, message = "must be at most {max} characters") String> goals,

        @NotNull LocalDate plannedStart,
        @NotNull LocalDate plannedEnd,
        @Valid FundingRequest funding) {

    ProjectDetails details() {
        return new ProjectDetails(
                title, summary, goals, plannedStart, plannedEnd, funding == null ? null : funding.toModel());
    }
}
