package org.concordia.platform.domain;

/** Something named by the request does not exist: 404 when it is the resource itself. */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " does not exist", null);
    }
}
