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

    /**
     * Switches off the e-mail of one category, or of all ({@link UnsubscribeLinks#ALL}); the in-app inbox and
     * transactional messages stay.
     */
    public Preferences unsubscribe(String personId, String category, java.util.List<String> categories) {
        Preferences current = book.of(personId);
        java.util.Map<String, Boolean> off = new java.util.HashMap<>(current.off());
        for (String c : UnsubscribeLinks.ALL.equals(category) ? categories : java.util.List.of(category)) {
            off.put(c + "." + Preferences.EMAIL, true);
        }
        return book.save(
                new Preferences(
                        personId,
                        off,
                        current.digest(),
                        current.digestHour(),
                        current.digestDay(),
                        current.quietFrom(),
                        current.quietUntil(),
                        current.version()),
                current.version());
    }

    /** @param expectedVersion from If-Match; null to replace whatever is there */
    public Preferences choose(Preferences chosen, Long expectedVersion) {
        long expected = expectedVersion != null
                ? expectedVersion
                : book.of(chosen.personId()).version();
        return book.save(chosen, expected);
    }
}
