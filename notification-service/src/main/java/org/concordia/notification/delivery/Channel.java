package org.concordia.notification.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A way out: e-mail, webhook. */
public interface Channel {

    /** {@link Delivery#EMAIL} or {@link Delivery#WEBHOOK}. */
    String name();

    /**
     * Sends once; the delivery's id gives the message a stable identity downstream (Message-ID, webhook-id), so a
     * repeat after a crash is recognisable there.
     *
     * @throws Undeliverable when it cannot be sent now ({@link Undeliverable#permanent()} when never)
     */
    void send(Delivery delivery);

    /**
     * Sends each once, as {@link #send} does; a channel may do it more cheaply together (one SMTP connection for all).
     *
     * @return why each delivery that was not sent failed, by delivery id; the others were sent
     */
    default Map<String, Undeliverable> sendAll(List<Delivery> deliveries) {
        Map<String, Undeliverable> failures = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            try {
                send(delivery);
            } catch (Undeliverable e) {
                failures.put(delivery.id(), e);
            }
        }
        return failures;
    }

    /** Why a delivery failed, and whether trying again could help. */
    class Undeliverable extends RuntimeException {

        private final boolean permanent;

        public Undeliverable(String message, boolean permanent, @Nullable Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
