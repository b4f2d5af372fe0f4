package org.concordia.notification.announcement;

import java.time.Instant;
import java.util.List;
import org.concordia.notification.announcement.model.Target;
import org.concordia.notification.announcement.model.Text;
import org.jspecify.annotations.Nullable;

/**
 * An announcement as its author writes or edits it.
 *
 * @param sendAt when it goes out; null for at once
 * @param timeZone the author's IANA zone, in which the time was chosen
 */
public record Draft(
        String authorPersonId,
        List<Text> texts,
        List<Target> targets,
        @Nullable Instant sendAt,
        String timeZone) {

    public Draft {
        texts = List.copyOf(texts);
        targets = List.copyOf(targets);
    }
}
