package org.concordia.notification.notice.model;

import java.util.Locale;

/** What a notification is about; preferences switch channels per category. */
public enum Category {
    ORGANIZATIONS,
    PROJECTS,
    MEETINGS,
    ANNOUNCEMENTS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
