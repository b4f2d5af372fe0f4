package org.concordia.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Events are read by every consumer and kept on the broker for as long as its retention: they carry no secrets, and
 * an e-mail address only in the events whose consumers write to that address.
 */
class NoSecretsInEventsTest {

    private static final Pattern SECRET = Pattern.compile("secret|password|token|credential|apikey|signingkey");

    /** The events that carry an e-mail address, and the consumer that writes to it. */
    private static final Map<String, String> EMAIL_NEEDED_BY = Map.ofEntries(
            Map.entry("PersonRegistered", "identity-service (sign-in name), notification-service (mail)"),
            Map.entry("PersonUpdated", "identity-service (sign-in name), notification-service (mail)"),
            Map.entry("MemberJoined", "notification-service (mail to the new member)"),
            Map.entry("MeetingScheduled", "notification-service (invitations by mail; ORGANIZER of the .ics)"),
            Map.entry("MeetingDetailsChanged", "notification-service (ORGANIZER of the updated .ics)"),
            Map.entry("MeetingRescheduled", "notification-service (ORGANIZER of the updated .ics)"),
            Map.entry("MeetingCancelled", "notification-service (ORGANIZER of the cancelling .ics)"),
            Map.entry("MeetingOccurrenceRescheduled", "notification-service (ORGANIZER of the updated .ics)"),
            Map.entry("MeetingOccurrenceCancelled", "notification-service (ORGANIZER of the cancelling .ics)"),
            Map.entry("RegistrationConfirmed", "notification-service (confirmation mail and its .ics)"),
            Map.entry("WaitlistPromoted", "notification-service (confirmation mail and its .ics)"));

    @Test
    void no_event_carries_a_secret() {
        List<String> found = new ArrayList<>();
        for (EventType type : EventCatalogue.all()) {
            visit(type.javaType(), type.type(), new HashSet<>(), (path, name) -> {
                if (SECRET.matcher(name.toLowerCase(Locale.ROOT)).find()) {
                    found.add(path);
                }
            });
        }
        assertThat(found).isEmpty();
    }

    @Test
    void e_mail_addresses_travel_only_where_a_consumer_writes_to_them() {
        Set<String> carrying = new TreeSet<>();
        for (EventType type : EventCatalogue.all()) {
            visit(type.javaType(), type.type(), new HashSet<>(), (path, name) -> {
                if (name.toLowerCase(Locale.ROOT).contains("email")) {
                    carrying.add(type.javaType().getSimpleName());
                }
            });
        }
        assertThat(carrying)
                .as("events with an e-mail address; each needs a consumer that writes to it (EMAIL_NEEDED_BY)")
                .isEqualTo(new TreeSet<>(EMAIL_NEEDED_BY.keySet()));
    }

    interface Visitor {
        void field(String path, String name);
    }

    private static void visit(Class<?> type, String path, Set<Class<?>> seen, Visitor visitor) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String here = path + "." + component.getName();
            visitor.field(here, component.getName());
            visit(component.getType(), here, seen, visitor);
            if (component.getGenericType() instanceof java.lang.reflect.ParameterizedType generic) {
                for (var argument : generic.getActualTypeArguments()) {
                    if (argument instanceof Class<?> element) {
                        visit(element, here + "[]", seen, visitor);
                    }
                }
            }
        }
    }
}
