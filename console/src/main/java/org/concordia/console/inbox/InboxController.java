package org.concordia.console.inbox;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.concordia.console.api.AccessTokens;
import org.concordia.console.api.Apis;
import org.concordia.console.signin.SignedIn;
import org.concordia.console.web.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The signed-in person's inbox; new notifications arrive over the page's event stream. */
@Controller
class InboxController {

    private final Apis apis;
    private final AccessTokens tokens;
    private final InboxRelay relay;

    InboxController(Apis apis, AccessTokens tokens, InboxRelay relay) {
        this.apis = apis;
        this.tokens = tokens;
        this.relay = relay;
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(defaultValue = "false") boolean unread, Model model) {
        SignedIn me = SignedIn.required();
        Map<String, Object> page = apis.notifications()
                .get()
                .uri("/api/v1/people/{person}/notifications?unread={unread}&size=50", me.personId(), unread)
                .retrieve()
                .body(Apis.OBJECT);
        List<?> items = page == null ? List.of() : (List<?>) page.getOrDefault("content", List.of());
        for (Object item : items) {
            describeTime(asMap(item), me.zone(), LocaleContextHolder.getLocale());
        }
        model.addAttribute("items", items);
        model.addAttribute("onlyUnread", unread);
        model.addAttribute("newest", items.isEmpty() ? "" : ((Map<?, ?>) items.get(0)).get("id"));
        return "inbox";
    }

    /** Adds {@code when}: the notification's time in the person's zone, the zone named. */
    static void describeTime(Map<String, Object> item, ZoneId zone, Locale locale) {
        if (item.get("createdAt") instanceof String created) {
            item.put("when", Times.format(Instant.parse(created).atZone(zone), locale));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object item) {
        return (Map<String, Object>) item;
    }

    @PostMapping("/inbox/{id}/read")
    String markRead(
            @PathVariable String id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        SignedIn me = SignedIn.required();
        apis.notifications()
                .post()
                .uri("/api/v1/people/{person}/notifications/{id}/read", me.personId(), id)
                .retrieve()
                .toBodilessEntity();
        if (htmx == null) {
            return "redirect:/inbox";
        }
        model.addAttribute("unread", relay.unread(me.personId(), tokens.current()));
        return "fragments :: marked";
    }

    @PostMapping("/inbox/read")
    String markAllRead() {
        SignedIn me = SignedIn.required();
        apis.notifications()
                .post()
                .uri("/api/v1/people/{person}/notifications/read", me.personId())
                .retrieve()
                .toBodilessEntity();
        return "redirect:/inbox";
    }

    /**
     * The page's event stream: each new notification as a rendered list item ({@code notification}) and the new
     * unread count ({@code unread}).
     */
    @GetMapping(path = "/inbox/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestParam(required = false) @Nullable String after,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            HttpServletResponse response) {
        response.setHeader("X-Accel-Buffering", "no");
        return relay.open(
                SignedIn.required(),
                tokens.current(),
                LocaleContextHolder.getLocale(),
                lastEventId != null ? lastEventId : after);
    }
}
