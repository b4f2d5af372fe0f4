package org.concordia.meeting.meeting.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.concordia.meeting.common.web.ApiText;
import org.concordia.meeting.meeting.model.AgendaPoint;
import org.jspecify.annotations.Nullable;

record AgendaRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = ApiText.LINE, message = ApiText.NO_CONTROL)
        String title,

        @Nullable @Min(1) @Max(1440) Integer minutes,

        @Nullable @Size(max = 200) @Pattern(regexp = ApiText.LINE, message = ApiText.NO_CONTROL)
        String presenter,

        @Nullable @Size(max = 64) String presenterPersonId) {

    AgendaPoint toModel() {
        return new AgendaPoint(title.strip(), minutes, presenter, presenterPersonId);
    }
}
