package org.concordia.notification.preference;

import java.util.Collection;
import java.util.Map;
import org.concordia.notification.preference.model.Preferences;

/** Everyone's preferences; a person without any has the defaults. */
public interface PreferenceBook {

    Preferences of(String personId);

    /** One look-up for a whole batch. */
    Map<String, Preferences> of(Collection<String> personIds);

    /** @throws org.springframework.dao.OptimisticLockingFailureException when {@code expectedVersion} is stale */
    Preferences save(Preferences preferences, long expectedVersion);
}
