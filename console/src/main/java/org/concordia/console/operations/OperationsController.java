package org.concordia.console.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.concordia.console.ConsoleProperties;
import org.concordia.console.api.ApiProblem;
import org.concordia.console.api.Apis;
import org.concordia.console.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What operators act on, service by service: dead-lettered events (replay), parked outbox events and the backlog
 * (retry, discard), and notification deliveries that failed (retry). A service that cannot be reached is shown as
 * such; the others still are.
 */
@Controller
class OperationsController {

    private final Apis apis;
    private final ConsoleProperties properties;
    private final FormErrors errors;
    private final MessageSource messages;

    OperationsController(Apis apis, ConsoleProperties properties, FormErrors errors, MessageSource messages) {
        this.apis = apis;
        this.properties = properties;
        this.errors = errors;
        this.messages = messages;
    }

    @GetMapping("/operations")
    String operations(Model model) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (String service : properties.services().keySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", service);
            row.put("unreachable", false);
            row.put("deadLetters", List.of());
            row.put("outbox", null);
            try {
                row.put(
                        "deadLetters",
                        orNone(() -> apis.service(service)
                                .get()
                                .uri("/actuator/deadletters")
                                .retrieve()
                                .body(Apis.LIST)));
                row.put(
                        "outbox",
                        orNone(() -> apis.service(service)
                                .get()
                                .uri("/actuator/outbox")
                                .retrieve()
                                .body(Apis.OBJECT)));
            } catch (ApiProblem | RestClientException unreachable) {
                row.put("unreachable", true);
            }
            services.add(row);
        }
        model.addAttribute("services", services);
        try {
            Map<String, Object> failures = apis.notifications()
                    .get()
                    .uri("/api/v1/deliveries/failures?size=50")
                    .retrieve()
                    .body(Apis.OBJECT);
            model.addAttribute("failures", failures == null ? List.of() : failures.getOrDefault("content", List.of()));
        } catch (ApiProblem | RestClientException unreachable) {
            model.addAttribute("failures", List.of());
        }
        return "operations";
    }

    @PostMapping("/operations/{service}/deadletters/replay")
    String replay(
            @PathVariable String service,
            @RequestParam String topic,
            @RequestParam int partition,
            @RequestParam long offset,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "operations.replayed",
                () -> apis.service(service)
                        .post()
                        .uri("/actuator/deadletters/{topic}/{partition}/{offset}", topic, partition, offset)
                        .retrieve()
                        .toBodilessEntity());
    }

    @PostMapping("/operations/{service}/outbox/retry")
    String retryParked(
            @PathVariable String service,
            @RequestParam String collection,
            @RequestParam String aggregateId,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "operations.retried",
                () -> apis.service(service)
                        .post()
                        .uri("/actuator/outbox/{collection}/{aggregate}", collection, aggregateId)
                        .retrieve()
                        .toBodilessEntity());
    }

    @PostMapping("/operations/{service}/outbox/discard")
    String discardParked(
            @PathVariable String service,
            @RequestParam String collection,
            @RequestParam String aggregateId,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "operations.discarded",
                () -> apis.service(service)
                        .delete()
                        .uri("/actuator/outbox/{collection}/{aggregate}", collection, aggregateId)
                        .retrieve()
                        .toBodilessEntity());
    }

    @PostMapping("/operations/deliveries/{id}/retry")
    String retryDelivery(@PathVariable String id, RedirectAttributes redirect) {
        return act(
                redirect,
                "operations.retried",
                () -> apis.notifications()
                        .post()
                        .uri("/api/v1/deliveries/{id}/retry", id)
                        .retrieve()
                        .toBodilessEntity());
    }

    /** What a service answered, or null when it has no such endpoint (a service that publishes nothing). */
    private static <T> @Nullable T orNone(Supplier<@Nullable T> reading) {
        try {
            return reading.get();
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return null;
            }
            throw problem;
        }
    }

    private String act(RedirectAttributes redirect, String done, Runnable action) {
        Locale locale = LocaleContextHolder.getLocale();
        try {
            action.run();
            redirect.addFlashAttribute("notice", messages.getMessage(done, null, locale));
        } catch (ApiProblem problem) {
            redirect.addFlashAttribute("formError", errors.summary(problem, locale));
        }
        return "redirect:/operations";
    }
}
