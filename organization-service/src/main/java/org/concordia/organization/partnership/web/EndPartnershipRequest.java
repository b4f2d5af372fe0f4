package org.concordia.organization.partnership.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** When a partnership ends; the body may be left out to end it today (UTC). */
record EndPartnershipRequest(
        @Schema(description = "Last day of the partnership; today when absent", example = "2025-12-31")
        LocalDate endedOn) {}
