package org.concordia.notification.inbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.concordia.notification.access.AccessRules;
import org.concordia.notification.access.AccessRules.Action;
import org.concordia.notification.inbox.Inbox;
import org.concordia.notification.inbox.Reading;
import org.concordia.platform.application.Paging;
import org.concordia.platform.security.Caller;
import org.concordia.platform.web.PageView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Inbox")
class InboxController {

    private final Reading reading;
    private final InboxStreams streams;
    private final AccessRules rules;

    InboxController(Reading reading, InboxStreams streams, AccessRules rules) {
        this.reading = reading;
        this.streams = streams;
        this.rules = rules;
    }

    @GetMapping("/api/v1/people/{personId}/notifications")
    @Operation(summary = "A person's notifications, newest first", description = "?unread=true lists only unread ones.")
    PageView<InboxItemView> list(
            Caller caller,
            @PathVariable @Pattern(regexp = Ids.PERSON) String personId,
            @Parameter(description = "Only unread notifications") @RequestParam(defaultValue = "false") boolean unread,
            @Parameter(description = "Page number, from 0")
                    @RequestParam(defaultValue = "0")
                    @Min(0)
                    @Max(Paging.MAX_PAGE)
                    int page,
            @Parameter(description = "Page size, 1 to 100")
                    @RequestParam(defaultValue = "20")
                    @Min(1)
                    @Max(Paging.MAX_SIZE)
                    int size) {
        rules.require(caller, Action.READ_INBOX, personId);
        return PageView.of(reading.page(personId, unread, page, size), InboxItemView::of);
    }

    @GetMapping("/api/v1/people/{personId}/notifications/unread-count")
    @Operation(summary = "How many of a person's notifications are unread, and how many there are")
    Map<String, Long> unreadCount(Caller caller, @PathVariable @Pattern(regexp = Ids.PERSON) String personId) {
        rules.require(caller, Action.READ_INBOX, personId);
        Inbox.Counts counts = reading.counts(personId);
        return Map.of("unread", counts.unread(), "total", counts.total());
    }

    @PostMapping("/api/v1/people/{personId}/notifications/{notificationId}/read")
    @Operation(
            summary = "Mark one notification read",
            description = "Idempotent; 404 when the person has no such notification.")
    Map<String, Object> markRead(
            Caller caller,
            @PathVariable @Pattern(regexp = Ids.PERSON) String personId,
            @PathVariable @Pattern(regexp = Ids.NOTIFICATION) String notificationId) {
        rules.require(caller, Action.MARK_READ, personId);
        boolean wasUnread = reading.markRead(personId, notificationId);
        return Map.of("id", notificationId, "read", true, "wasUnread", wasUnread);
    }

    @PostMapping("/api/v1/people/{personId}/notifications/read")
    @Operation(summary = "Mark all of a person's notifications read")
    Map<String, Long> markAllRead(Caller caller, @PathVariable @Pattern(regexp = Ids.PERSON) String personId) {
        rules.require(caller, Action.MARK_READ, personId);
        return Map.of("marked", reading.markAllRead(personId));
    }

    @GetMapping(path = "/api/v1/people/{personId}/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "New notifications as Server-Sent Events",
            description = "Each event's id is the notification id; reconnecting with Last-Event-ID resumes after it.")
    SseEmitter stream(
            Caller caller,
            @PathVariable @Pattern(regexp = Ids.PERSON) String personId,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable @Pattern(regexp = Ids.NOTIFICATION)
                    String lastEventId) {
        rules.require(caller, Action.READ_INBOX, personId);
        return streams.open(personId, lastEventId);
    }
}
