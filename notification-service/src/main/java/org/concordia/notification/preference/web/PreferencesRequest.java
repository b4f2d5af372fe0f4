package org.concordia.notification.preference.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.concordia.notification.preference.model.Digest;
import org.jspecify.annotations.Nullable;

/**
 * @param channels per category (organizations, projects, meetings, announcements), per channel (in_app, email):
 *     on or off; what is not named stays on
 * @param digest immediately, daily or weekly
 * @param digestHour local hour of the digest, 0 to 23 (8 when not given)
 * @param digestDay day of the weekly digest, e.g. monday
 * @param quietHours local times between which no e-mail is sent, e.g. 22:00 to 07:00
 */
public record PreferencesRequest(
        @Nullable Map<Category, Map<ChannelName, Boolean>> channels,
        @NotNull Digest digest,
        @Nullable @Min(0) @Max(23) Integer digestHour,

        @Nullable @Size(max = 9) @Pattern(regexp = "(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday")
        String digestDay,

        @Nullable @Valid QuietHours quietHours) {

    public record QuietHours(
            @NotNull @Size(max = 5) @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]")
            String from,

            @NotNull @Size(max = 5) @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]")
            String until) {}

    /** The categories preferences name. */
    public enum Category {
        organizations,
        projects,
        meetings,
        announcements
    }

    /** The channels a person switches. */
    public enum ChannelName {
        in_app,
        email
    }
}
