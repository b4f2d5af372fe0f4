package org.concordia.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

    private static final Map<String, String> SOURCE_BY_TOPIC = Map.of(
            EventCatalogue.ORGANIZATION_EVENTS, "/organization-service",
            EventCatalogue.PROJECT_EVENTS, "/project-service",
            EventCatalogue.MEETING_EVENTS, "/event-service",
            EventCatalogue.ANNOUNCEMENT_EVENTS, "/notification-service");

    private static final Map<String, String> PACKAGE_BY_TOPIC = Map.of(
            EventCatalogue.ORGANIZATION_EVENTS, "org.concordia.contracts.organization",
            EventCatalogue.PROJECT_EVENTS, "org.concordia.contracts.project",
            EventCatalogue.MEETING_EVENTS, "org.concordia.contracts.meeting",
            EventCatalogue.ANNOUNCEMENT_EVENTS, "org.concordia.contracts.announcement");

    private final List<EventType> all = EventCatalogue.all();

    @Test
    void every_type_and_every_record_is_catalogued_once() {
        assertThat(all).extracting(EventType::type).doesNotHaveDuplicates();
        assertThat(all).extracting(EventType::javaType).doesNotHaveDuplicates();
    }

    @Test
    void types_follow_the_naming_scheme_and_name_the_aggregate() {
        assertThat(all).allSatisfy(type -> {
            assertThat(type.type()).matches("concordia\\.[a-z]+\\.[a-z-]+\\.v[0-9]+");
            assertThat(type.type()).startsWith("concordia." + type.aggregate() + ".");
        });
    }

    @Test
    void each_topic_is_written_by_one_service_from_one_package() {
        assertThat(all).allSatisfy(type -> {
            assertThat(type.topic()).isIn(SOURCE_BY_TOPIC.keySet());
            assertThat(type.source()).isEqualTo(SOURCE_BY_TOPIC.get(type.topic()));
            assertThat(type.javaType().getPackageName()).isEqualTo(PACKAGE_BY_TOPIC.get(type.topic()));
        });
        assertThat(all).extracting(EventType::topic).containsAll(SOURCE_BY_TOPIC.keySet());
    }

    @Test
    void every_event_is_a_record_carrying_its_aggregate_id_first_and_its_time_last() {
        assertThat(all).allSatisfy(type -> {
            assertThat(type.javaType().isRecord()).as(type.javaType().getName()).isTrue();
            RecordComponent[] components = type.javaType().getRecordComponents();
            assertThat(components[0].getName()).isEqualTo(type.aggregate() + "Id");
            assertThat(components[components.length - 1].getName()).isEqualTo("occurredAt");
            assertThat(components[components.length - 1].getType()).isEqualTo(Instant.class);
        });
    }

    @Test
    void records_and_types_are_found_both_ways() {
        assertThat(all).allSatisfy(type -> {
            assertThat(EventCatalogue.of(type.javaType())).isSameAs(type);
            assertThat(EventCatalogue.byType(type.type())).containsSame(type);
        });
    }

    @Test
    void a_record_outside_the_catalogue_is_refused() {
        assertThatThrownBy(() -> EventCatalogue.of(NotPublished.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(NotPublished.class.getName());
    }

    @Test
    void a_type_from_a_newer_producer_is_unknown_rather_than_an_error() {
        assertThat(EventCatalogue.byType("concordia.meeting.rescheduled.v2")).isEmpty();
    }

    @Test
    void every_sample_on_the_classpath_belongs_to_a_catalogued_type() throws IOException, URISyntaxException {
        URL samples = GoldenSamples.class.getClassLoader().getResource("samples");
        assertThat(samples).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(samples.toURI()))) {
            List<String> sampleTypes = files.map(file -> file.getFileName().toString())
                    .map(name -> name.replaceFirst("\\.json$", ""))
                    .sorted()
                    .collect(Collectors.toList());
            assertThat(sampleTypes)
                    .containsExactlyInAnyOrderElementsOf(
                            all.stream().map(EventType::type).toList());
        }
    }

    @Test
    void the_catalogue_cannot_be_changed_by_a_caller() {
        assertThatThrownBy(() -> EventCatalogue.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void lists_in_an_event_cannot_be_changed_after_it_was_created() {
        var roles = new ArrayList<>(List.of("member"));
        var changed = new MemberRolesChanged(
                "membership-1", "organization-1", "person-1", roles, List.of(), "Miasto Katowice", Instant.EPOCH);
        roles.add("coordinator");

        assertThat(changed.roles()).containsExactly("member");
        assertThatThrownBy(() -> changed.roles().add("coordinator")).isInstanceOf(UnsupportedOperationException.class);
    }

    private record NotPublished(String aggregateId, Instant occurredAt) implements DomainEvent {}
}
