package org.concordia.platform.domain;

/** The request clashes with existing state, e.g. a unique value already taken (409 Conflict). */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message, null);
    }

    public ConflictException(String message, String field) {
        super(message, field);
    }
}
