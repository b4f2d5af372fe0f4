package org.concordia.notification.delivery.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.concordia.notification.access.AccessRules;
import org.concordia.notification.access.AccessRules.Action;
import org.concordia.notification.delivery.Delivery;
import org.concordia.notification.delivery.Operating;
import org.concordia.platform.application.Paging;
import org.concordia.platform.security.Caller;
import org.concordia.platform.web.PageView;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Deliveries (operators)")
class DeliveryController {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,500}";

    private final Operating operating;
    private final AccessRules rules;

    DeliveryController(Operating operating, AccessRules rules) {
        this.operating = operating;
        this.rules = rules;
    }

    /** A delivery's state on its channel. */
    record DeliveryView(
            String id,
            String channel,
            String status,
            int attempts,
            @Nullable String lastError,
            Instant dueAt,
            @Nullable Instant sentAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(
                    d.id(), d.channel(), d.status(), d.attempts(), d.lastError(), d.dueAt(), d.sentAt());
        }
    }

    @GetMapping("/api/v1/deliveries/failures")
    @Operation(summary = "Deliveries given up after their retries, with the last error")
    PageView<DeliveryView> failures(
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        rules.require(caller, Action.OPERATE_DELIVERIES, "");
        return PageView.of(operating.failures(page, size), DeliveryView::of);
    }

    @GetMapping("/api/v1/deliveries/{deliveryId}")
    @Operation(summary = "One delivery: pending, sent or failed, attempts, last error")
    DeliveryView get(Caller caller, @PathVariable @Pattern(regexp = ID) String deliveryId) {
        rules.require(caller, Action.OPERATE_DELIVERIES, "");
        return DeliveryView.of(operating.find(deliveryId));
    }

    @PostMapping("/api/v1/deliveries/{deliveryId}/retry")
    @Operation(summary = "Send a failed delivery again", description = "409 when it has not failed.")
    DeliveryView retry(Caller caller, @PathVariable @Pattern(regexp = ID) String deliveryId) {
        rules.require(caller, Action.OPERATE_DELIVERIES, "");
        return DeliveryView.of(operating.retry(deliveryId));
    }
}
