package org.concordia.meeting.meeting.model;

import org.jspecify.annotations.Nullable;

/** Where an in-person or hybrid meeting takes place; country is ISO 3166-1 alpha-2. */
public record Venue(String name, @Nullable String address, String city, String country) {

    /** One line for calendars and e-mails. */
    public String line() {
        return name + (address == null ? "" : ", " + address) + ", " + city + ", " + country;
    }
}
