package org.concordia.project.project.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

@Schema(description = "When the milestone was reached; today (UTC) when absent")
record CompletionRequest(@Schema(example = "2026-06-16") LocalDate completedOn) {

    static LocalDate of(CompletionRequest request) {
        return request == null ? null : request.completedOn();
    }
}
