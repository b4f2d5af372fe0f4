package org.concordia.meeting.meeting.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.concordia.meeting.meeting.model.Target;
import org.concordia.meeting.meeting.model.TargetKind;
import org.jspecify.annotations.Nullable;

/**
 * @param roles only members with one of these roles: coordinator, representative, member, partner_contact
 */
record TargetRequest(
        @NotNull TargetKind kind,
        @Nullable @Size(max = 64) String personId,
        @Nullable @Size(max = 64) String organizationId,
        @Nullable @Size(max = 64) String projectId,

        @Nullable @Size(max = 4)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "coordinator|representative|member|partner_contact",
                                message = "must be coordinator, representative, member or partner_contact")
                        String>
                roles) {

    Target toModel() {
        return new Target(kind, personId, organizationId, projectId, roles);
    }
}
