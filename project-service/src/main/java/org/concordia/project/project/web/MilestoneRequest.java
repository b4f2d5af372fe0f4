package org.concordia.project.project.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.concordia.platform.web.CountryCode;
import org.concordia.project.project.model.Limits;
import org.concordia.project.project.model.MilestoneKind;

@Schema(description = "A milestone to plan; study visits and forums need a host country")
record MilestoneRequest(
        @NotNull MilestoneKind kind,

        @Schema(example = "Wizyta studyjna: integracja po austriacku")
        @NotBlank
        @Size(max = Limits.TITLE, message = "must be at most {max} characters")
        String title,

        @Schema(description = "ISO 3166-1 alpha-2 code of where it takes place", example = "AT") @CountryCode
        String hostCountry,

        @Schema(example = "Wien") @Size(max = Limits.CITY, message = "must be at most {max} characters")
        String hostCity,

        @Schema(example = "2026-06-15") @NotNull LocalDate dueDate) {}
