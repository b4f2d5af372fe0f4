package org.concordia.notification.announcement.model;

import org.concordia.platform.domain.DomainException;

/** The author may not write for the organization: only its coordinators, or its parent's, may (403). */
public class NotAllowed extends DomainException {

    public NotAllowed(String message) {
        super(message, "authorPersonId");
    }
}
