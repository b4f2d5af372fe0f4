package org.concordia.notification.delivery;

import java.time.Clock;
import org.concordia.platform.application.Paging;
import org.concordia.platform.domain.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** An operator looks at failed deliveries and sends them again. */
@Service
public class Operating {

    private final Deliveries deliveries;
    private final Clock clock;

    Operating(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Page<Delivery> failures(int page, int size) {
        return Paging.page(page, size, deliveries.failureCount(), deliveries::failures);
    }

    public Delivery find(String id) {
        return deliveries.find(id).orElseThrow(() -> new NotFoundException("Delivery", id));
    }

    public Delivery retry(String id) {
        Delivery delivery = find(id);
        if (!deliveries.retry(id, clock.instant())) {
            throw new org.concordia.platform.domain.ConflictException(
                    "Delivery " + id + " is " + delivery.status() + ", not failed");
        }
        return find(id);
    }
}
