package org.concordia.platform.inbox;

/**
 * Thrown by a handler whose downstream (a mail server, a webhook endpoint, another store) cannot be reached: the
 * event is not poison, so it is retried without limit, holding back the events after it, instead of being
 * dead-lettered.
 */
public class InfrastructureUnavailableException extends RuntimeException {

    public InfrastructureUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
