package org.concordia.notification.preference.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.concordia.notification.preference.model.Preferences;
import org.jspecify.annotations.Nullable;

/** A person's preferences, every category and channel spelt out. */
public record PreferencesView(
        String personId,
        Map<String, Map<String, Boolean>> channels,
        String digest,
        int digestHour,
        String digestDay,
        @Nullable Map<String, String> quietHours,
        long version) {

    static PreferencesView of(Preferences p) {
        Map<String, Map<String, Boolean>> channels = new LinkedHashMap<>();
        for (PreferencesRequest.Category category : PreferencesRequest.Category.values()) {
            Map<String, Boolean> switches = new LinkedHashMap<>();
            for (PreferencesRequest.ChannelName channel : PreferencesRequest.ChannelName.values()) {
                switches.put(channel.name(), p.wants(category.name(), channel.name(), false));
            }
            channels.put(category.name(), switches);
        }
        return new PreferencesView(
                p.personId(),
                channels,
                p.digest().code(),
                p.digestHour(),
                p.digestDay().name().toLowerCase(java.util.Locale.ROOT),
                p.quietFrom() == null || p.quietUntil() == null
                        ? null
                        : Map.of(
                                "from",
                                p.quietFrom().toString(),
                                "until",
                                p.quietUntil().toString()),
                p.version());
    }
}
