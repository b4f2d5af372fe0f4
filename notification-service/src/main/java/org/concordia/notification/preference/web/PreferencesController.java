package org.concordia.notification.preference.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.concordia.notification.inbox.web.Ids;
import org.concordia.notification.preference.Choosing;
import org.concordia.notification.preference.model.Preferences;
import org.concordia.platform.web.ETags;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Preferences")
class PreferencesController {

    private final Choosing choosing;

    PreferencesController(Choosing choosing) {
        this.choosing = choosing;
    }

    @GetMapping("/api/v1/people/{personId}/preferences")
    @Operation(summary = "What a person receives, by category and channel; digest and quiet hours")
    ResponseEntity<PreferencesView> get(@PathVariable @Pattern(regexp = Ids.PERSON) String personId) {
        Preferences p = choosing.current(personId);
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(PreferencesView.of(p));
    }

    @PutMapping("/api/v1/people/{personId}/preferences")
    @Operation(
            summary = "Choose what to receive",
            description = "Transactional messages (registration confirmed, meeting cancelled or moved, reminders)"
                    + " are sent whatever is chosen here. If-Match makes the change conditional (412 when stale).")
    ResponseEntity<PreferencesView> put(
            @PathVariable @Pattern(regexp = Ids.PERSON) String personId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PreferencesRequest request) {
        Map<String, Boolean> off = new HashMap<>();
        if (request.channels() != null) {
            request.channels().forEach((category, switches) -> {
                if (switches != null) {
                    switches.forEach((channel, on) -> {
                        if (Boolean.FALSE.equals(on)) {
                            off.put(category.name() + "." + channel.name(), true);
                        }
                    });
                }
            });
        }
        Preferences chosen = new Preferences(
                personId,
                off,
                request.digest(),
                request.digestHour(),
                request.digestDay() == null
                        ? DayOfWeek.MONDAY
                        : DayOfWeek.valueOf(request.digestDay().toUpperCase(Locale.ROOT)),
                request.quietHours() == null
                        ? null
                        : LocalTime.parse(request.quietHours().from()),
                request.quietHours() == null
                        ? null
                        : LocalTime.parse(request.quietHours().until()),
                0);
        Preferences saved = choosing.choose(chosen, ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(PreferencesView.of(saved));
    }
}
