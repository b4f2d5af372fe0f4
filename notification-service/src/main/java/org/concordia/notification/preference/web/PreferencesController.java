package org.concordia.notification.preference.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.concordia.notification.access.AccessRules;
import org.concordia.notification.access.AccessRules.Action;
import org.concordia.notification.inbox.web.Ids;
import org.concordia.notification.preference.Choosing;
import org.concordia.notification.preference.UnsubscribeLinks;
import org.concordia.notification.preference.model.Preferences;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.security.Caller;
import org.concordia.platform.web.ETags;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Preferences")
class PreferencesController {

    private static final String CATEGORIES = "organizations|projects|meetings|announcements|all";

    private final Choosing choosing;
    private final UnsubscribeLinks links;
    private final AccessRules rules;

    PreferencesController(Choosing choosing, UnsubscribeLinks links, AccessRules rules) {
        this.choosing = choosing;
        this.links = links;
        this.rules = rules;
    }

    @PostMapping("/api/v1/people/{personId}/preferences/unsubscribe")
    @Operation(
            summary = "One-click unsubscribe (RFC 8058), the target of every e-mail's List-Unsubscribe header",
            description = "Switches off the e-mail of the category (all for a digest); the inbox and transactional"
                    + " messages stay. Needs no bearer token: the signed token comes with the link; a wrong one is"
                    + " answered 404.")
    ResponseEntity<PreferencesView> unsubscribe(
            @PathVariable @Pattern(regexp = Ids.PERSON) String personId,
            @RequestParam @Pattern(regexp = CATEGORIES) String category,
            @RequestParam @Pattern(regexp = "[A-Za-z0-9_-]{43}") String token) {
        if (!links.valid(personId, category, token)) {
            throw new NotFoundException("Unsubscribe link", personId + "/" + category);
        }
        Preferences saved = choosing.unsubscribe(
                personId,
                category,
                Arrays.stream(PreferencesRequest.Category.values())
                        .map(Enum::name)
                        .toList());
        return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(PreferencesView.of(saved));
    }

    @GetMapping("/api/v1/people/{personId}/preferences")
    @Operation(summary = "What a person receives, by category and channel; digest and quiet hours")
    ResponseEntity<PreferencesView> get(Caller caller, @PathVariable @Pattern(regexp = Ids.PERSON) String personId) {
        rules.require(caller, Action.READ_PREFERENCES, personId);
        Preferences p = choosing.current(personId);
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(PreferencesView.of(p));
    }

    @PutMapping("/api/v1/people/{personId}/preferences")
    @Operation(
            summary = "Choose what to receive",
            description = "Transactional messages (registration confirmed, meeting cancelled or moved, reminders)"
                    + " are sent whatever is chosen here. If-Match makes the change conditional (412 when stale).")
    ResponseEntity<PreferencesView> put(
            Caller caller,
            @PathVariable @Pattern(regexp = Ids.PERSON) String personId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PreferencesRequest request) {
        rules.require(caller, Action.CHOOSE_PREFERENCES, personId);
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
                request.digestHour() == null ? 8 : request.digestHour(),
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
