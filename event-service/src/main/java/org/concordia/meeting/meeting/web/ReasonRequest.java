package org.concordia.meeting.meeting.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.concordia.meeting.common.web.ApiText;
import org.jspecify.annotations.Nullable;

record ReasonRequest(
        @Nullable @Size(max = 1000) @Pattern(regexp = ApiText.LINES, message = ApiText.NO_CONTROL)
        String reason) {}
