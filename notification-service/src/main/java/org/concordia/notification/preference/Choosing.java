package org.concordia.notification.preference;

import org.concordia.notification.preference.model.Preferences;
import org.springframework.stereotype.Service;

/** A person chooses what they receive. */
@Service
public class Choosing {

    private final PreferenceBook book;

    Choosing(PreferenceBook book) {
        this.book = book;
    }

    public Preferences current(String personId) {
        return book.of(personId);
    }

    /** @param expectedVersion from If-Match; null to replace whatever is there */
    public Preferences choose(Preferences chosen, Long expectedVersion) {
        long expected = expectedVersion != null
                ? expectedVersion
                : book.of(chosen.personId()).version();
        return book.save(chosen, expected);
    }
}
