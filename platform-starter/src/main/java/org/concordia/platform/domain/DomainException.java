package org.concordia.platform.domain;

/**
 * A request the domain refuses. Plain Java, so that domain packages can throw it without depending on Spring; the
 * web layer turns each kind into its Problem Details status.
 */
public abstract class DomainException extends RuntimeException {

    private final String field;

    protected DomainException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The request field the refusal is about, or {@code null}. */
    public String field() {
        return field;
    }
}
