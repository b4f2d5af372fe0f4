package org.concordia.notification.delivery;

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

    /** Why a delivery failed, and whether trying again could help. */
    class Undeliverable extends RuntimeException {

        private final boolean permanent;

        public Undeliverable(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
