package org.concordia.notification.announcement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.concordia.notification.announcement.model.Announcement;
import org.concordia.notification.announcement.model.Status;
import org.concordia.notification.notice.model.Localized;
import org.springframework.stereotype.Service;

/**
 * What came of an announcement: who it reached, how each channel delivered, who read it, which languages were used
 * and who got a fallback language because none of theirs was written.
 */
@Service
public class Reporting {

    /** A person who got another language than their own. */
    public record Fallback(String personId, String name, String preferred, String got) {}

    /**
     * @param delivered per channel (in_app, email, webhook): sent
     * @param failed per channel: given up
     * @param pending per channel: still to send (a digest or quiet hours may hold e-mail back)
     * @param skipped per channel: nothing to send to (a person without an e-mail address)
     * @param fallbacks the first {@value #LISTED} of them; {@code fallbackCount} counts all
     */
    public record Report(
            String announcementId,
            String status,
            int revision,
            long recipients,
            Map<String, Long> delivered,
            Map<String, Long> failed,
            Map<String, Long> pending,
            Map<String, Long> skipped,
            long read,
            long bouncedWebhooks,
            Map<String, Long> languages,
            long fallbackCount,
            List<Fallback> fallbacks,
            long correctionsSent) {}

    static final int LISTED = 100;
    private static final int BATCH = 1000;

    private final Editing editing;
    private final Outcomes outcomes;
    private final Directory directory;

    Reporting(Editing editing, Outcomes outcomes, Directory directory) {
        this.editing = editing;
        this.outcomes = outcomes;
        this.directory = directory;
    }

    public Report report(String announcementId) {
        Announcement announcement = editing.find(announcementId);
        Announcement.State s = announcement.state();
        Localized choosing = new Localized(
                s.texts().stream()
                        .map(t -> new Localized.Version(t.language(), Map.of(), null))
                        .toList(),
                s.organizationLanguages());
        long[] counts = new long[3]; // recipients, in app, read
        Map<String, Long> languages = new TreeMap<>();
        List<Fallback> fallbacks = new ArrayList<>();
        long[] fallbackCount = {0};
        if (s.status() == Status.SENT) {
            outcomes.told(s.id(), Announcing.PURPOSE, BATCH, batch -> {
                Map<String, Directory.Person> people = directory.people(
                        batch.stream().map(Outcomes.Told::personId).toList());
                for (Outcomes.Told told : batch) {
                    counts[0]++;
                    counts[1] += told.inApp() ? 1 : 0;
                    counts[2] += told.read() ? 1 : 0;
                    Directory.Person person = people.get(told.personId());
                    String preferred = person == null ? null : person.language();
                    Localized.Choice choice = choosing.choose(preferred);
                    languages.merge(choice.version().language(), 1L, Long::sum);
                    if (choice.fallback()) {
                        fallbackCount[0]++;
                        if (fallbacks.size() < LISTED) {
                            fallbacks.add(new Fallback(
                                    told.personId(),
                                    person == null ? told.personId() : person.name(),
                                    preferred == null ? "" : preferred,
                                    choice.version().language()));
                        }
                    }
                }
            });
        }
        Map<String, Long> delivered = new TreeMap<>();
        Map<String, Long> failed = new TreeMap<>();
        Map<String, Long> pending = new TreeMap<>();
        Map<String, Long> skipped = new TreeMap<>();
        delivered.put("in_app", counts[1]);
        delivered.put("email", 0L);
        delivered.put("webhook", 0L);
        failed.put("email", 0L);
        failed.put("webhook", 0L);
        pending.put("email", 0L);
        pending.put("webhook", 0L);
        skipped.put("email", 0L);
        for (Outcomes.Sent sent : outcomes.deliveries(s.id(), Announcing.PURPOSE)) {
            Map<String, Long> into = switch (sent.status()) {
                case "sent" -> delivered;
                case "failed" -> failed;
                case "skipped" -> skipped;
                default -> pending;
            };
            into.merge(sent.channel(), sent.count(), Long::sum);
        }
        return new Report(
                s.id(),
                s.status().code(),
                s.revision(),
                counts[0],
                delivered,
                failed,
                pending,
                skipped,
                counts[2],
                failed.getOrDefault("webhook", 0L),
                languages,
                fallbackCount[0],
                fallbacks,
                outcomes.count(s.id() + ":r", Announcing.CORRECTION));
    }
}
