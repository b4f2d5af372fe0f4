package org.concordia.project.project.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.concordia.project.project.model.Limits;
import org.concordia.project.project.model.ProjectDetails;

@Schema(description = "The details to change; absent fields stay as they are. Use PUT to remove the funding.")
record ProjectDetailsPatch(
        @Size(min = 1, max = Limits.TITLE, message = "must be 1 to {max} characters")
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String title,

        @Size(max = Limits.SUMMARY, message = "must be at most {max} characters")
        String summary,

        @Size(max = Limits.GOALS, message = "must have at most {max} goals")
        List<
                        @jakarta.validation.constraints.NotBlank
                        @Size(max = Limits.GOAL, message = "must be at most {max} characters") String>
                goals,

        LocalDate plannedStart,
        LocalDate plannedEnd,
        @Valid FundingRequest funding) {

    ProjectDetails applyTo(ProjectDetails current) {
        return new ProjectDetails(
                title != null ? title : current.title(),
                summary != null ? summary : current.summary(),
                goals != null ? goals : current.goals(),
                plannedStart != null ? plannedStart : current.plannedStart(),
                plannedEnd != null ? plannedEnd : current.plannedEnd(),
                funding != null ? funding.toModel() : current.funding());
    }
}
