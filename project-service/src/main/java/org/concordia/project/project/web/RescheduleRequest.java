package org.concordia.project.project.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

@Schema(description = "The milestone's new due date")
record RescheduleRequest(
        @Schema(example = "2026-07-01") @NotNull LocalDate dueDate) {}
