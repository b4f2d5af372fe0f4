package org.concordia.project.project.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.concordia.project.project.model.Limits;

@Schema(description = "Why, in the writer's language; optional")
record ReasonRequest(
        @Size(max = Limits.REASON, message = "must be at most {max} characters")
        String reason) {

    static String of(ReasonRequest request) {
        return request == null ? null : request.reason();
    }
}
