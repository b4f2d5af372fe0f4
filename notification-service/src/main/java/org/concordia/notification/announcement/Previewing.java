package org.concordia.notification.announcement;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.concordia.notification.announcement.model.Announcement;
import org.concordia.notification.announcement.model.Target;
import org.concordia.notification.notice.model.Localized;
import org.concordia.notification.recipient.Recipient;
import org.concordia.notification.recipient.Recipients;
import org.springframework.stereotype.Service;

/**
 * How many people targets reach before anything is sent, per language they would get and per country, expanded
 * batch by batch as the fan-out would (a person several targets name counts once). A person counts in the country of
 * the organization through which they are reached (a Bulgarian representative of a Polish chapter counts in Poland);
 * one reached through no organization (a meeting's participant), in that of the first organization they belong to.
 */
@Service
public class Previewing {

    /** @param fallbacks how many get a language other than their own */
    public record Preview(long people, Map<String, Long> languages, Map<String, Long> countries, long fallbacks) {}

    private static final int BATCH = 1000;

    private final Recipients recipients;
    private final Directory directory;
    private final Authoring authoring;

    Previewing(Recipients recipients, Directory directory, Authoring authoring) {
        this.recipients = recipients;
        this.directory = directory;
        this.authoring = authoring;
    }

    /**
     * @param languages the languages written so far; empty to count people by their own language
     */
    public Preview preview(String organizationId, String authorPersonId, List<Target> targets, List<String> languages) {
        Directory.Organization organization = authoring.organization(organizationId);
        authoring.author(authorPersonId, organization);
        authoring.within(organization, targets);
        return count(targets, languages, organization.languages());
    }

    public Preview preview(Announcement announcement, String authorPersonId) {
        Announcement.State s = announcement.state();
        authoring.author(authorPersonId, authoring.organization(s.organizationId()));
        return count(s.targets(), s.texts().stream().map(t -> t.language()).toList(), s.organizationLanguages());
    }

    private Preview count(List<Target> targets, List<String> written, List<String> organizationLanguages) {
        Localized choosing = written.isEmpty()
                ? null
                : new Localized(
                        written.stream()
                                .map(l -> new Localized.Version(l, Map.of(), null))
                                .toList(),
                        organizationLanguages);
        Set<String> seen = new HashSet<>();
        Map<String, Long> byLanguage = new TreeMap<>();
        Map<String, Long> byCountry = new TreeMap<>();
        long[] fallbacks = {0};
        recipients.expand(Audiences.of(targets), BATCH, batch -> {
            List<Recipient> fresh =
                    batch.stream().filter(r -> seen.add(r.personId())).toList();
            Map<String, String> countries = countries(fresh);
            for (Recipient r : fresh) {
                String language = r.language() == null ? "und" : r.language();
                if (choosing != null) {
                    Localized.Choice choice = choosing.choose(r.language());
                    language = choice.version().language();
                    if (choice.fallback()) {
                        fallbacks[0]++;
                    }
                }
                byLanguage.merge(language, 1L, Long::sum);
                byCountry.merge(countries.getOrDefault(r.personId(), "unknown"), 1L, Long::sum);
            }
        });
        return new Preview(seen.size(), byLanguage, byCountry, fallbacks[0]);
    }

    /** Each recipient's country, with one read of the batch's organizations and one of the rest's memberships. */
    private Map<String, String> countries(List<Recipient> batch) {
        Map<String, String> byOrganization = directory.organizationCountries(batch.stream()
                .map(Recipient::organizationId)
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));
        List<String> unplaced = batch.stream()
                .filter(r -> r.organizationId() == null || !byOrganization.containsKey(r.organizationId()))
                .map(Recipient::personId)
                .toList();
        Map<String, String> countries = new java.util.HashMap<>(directory.countries(unplaced));
        for (Recipient r : batch) {
            if (r.organizationId() != null && byOrganization.containsKey(r.organizationId())) {
                countries.put(r.personId(), byOrganization.get(r.organizationId()));
            }
        }
        return countries;
    }
}
