package org.concordia.platform.outbox;

/** An outbox entry the relay cannot turn into a record: a field is missing or of the wrong type. */
class MalformedOutboxEntryException extends RuntimeException {

    MalformedOutboxEntryException(String message) {
        super(message);
    }
}
