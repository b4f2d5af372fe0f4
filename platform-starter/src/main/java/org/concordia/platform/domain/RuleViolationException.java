package org.concordia.platform.domain;

/** A well-formed request that a domain rule forbids (422 Unprocessable Content). */
public class RuleViolationException extends DomainException {

    public RuleViolationException(String message) {
        super(message, null);
    }

    public RuleViolationException(String message, String field) {
        super(message, field);
    }
}
