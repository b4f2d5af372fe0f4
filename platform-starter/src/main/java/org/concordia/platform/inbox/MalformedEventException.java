package org.concordia.platform.inbox;

/**
 * A record that can never be processed, however often it is retried: it goes to the dead-letter topic at once.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
