package org.concordia.notification.announcement.model;

import java.time.Duration;
import org.concordia.platform.domain.DomainException;

/** The organization wrote as many announcements as it may in the window; a mistake must not flood a network (429). */
public class TooManyAnnouncements extends DomainException {

    private final Duration retryAfter;

    public TooManyAnnouncements(String message, Duration retryAfter) {
        super(message, null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
