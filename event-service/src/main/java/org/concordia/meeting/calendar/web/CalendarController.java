package org.concordia.meeting.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.concordia.meeting.access.AccessRules;
import org.concordia.meeting.calendar.ExportingCalendars;
import org.concordia.meeting.common.web.ApiText;
import org.concordia.meeting.meeting.Browsing;
import org.concordia.meeting.meeting.model.Meeting;
import org.concordia.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = ApiText.CALENDAR)
class CalendarController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final ExportingCalendars calendars;
    private final Browsing browsing;
    private final AccessRules rules;

    CalendarController(ExportingCalendars calendars, Browsing browsing, AccessRules rules) {
        this.calendars = calendars;
        this.browsing = browsing;
        this.rules = rules;
    }

    @GetMapping("/api/v1/meetings/{id}.ics")
    @Operation(
            summary = "A meeting as an iCalendar file",
            description = "RFC 5545 with the VTIMEZONE of the planned zone; UID is the meeting id; SEQUENCE grows with"
                    + " every change; a series carries RRULE, EXDATE and one RECURRENCE-ID per moved occurrence."
                    + " Participants get ORGANIZER, ATTENDEEs and the online link; anyone else the public details.")
    ResponseEntity<String> meeting(@PathVariable String id, Caller caller) {
        Meeting meeting = browsing.get(id);
        return ics(calendars.meeting(meeting, rules.isParticipant(caller, meeting)), id + ".ics");
    }

    @PostMapping("/api/v1/people/{personId}/calendar-token")
    @Operation(
            summary = "A new personal calendar feed address",
            description = "Returns an unguessable address of the person's feed; the previous address stops working."
                    + " For the person themselves only.")
    FeedView renew(@PathVariable String personId, Caller caller) {
        rules.requireSelf(caller, personId);
        String token = calendars.renewToken(personId);
        String url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/calendars/{token}.ics")
                .buildAndExpand(token)
                .toUriString();
        return new FeedView(token, url);
    }

    @GetMapping("/api/v1/calendars/{token}.ics")
    @Operation(
            summary = "A person's calendar feed",
            description = "Every meeting they answered, declined ones left out.")
    ResponseEntity<String> feed(@PathVariable String token) {
        return ics(calendars.feed(token), "concordia.ics");
    }

    record FeedView(String token, String url) {}

    private static ResponseEntity<String> ics(String text, String filename) {
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
                .body(text);
    }
}
