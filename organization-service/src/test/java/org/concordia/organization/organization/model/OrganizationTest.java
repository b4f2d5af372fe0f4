package org.concordia.organization.organization.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concordia.contracts.organization.OrganizationArchived;
import org.concordia.contracts.organization.OrganizationRegistered;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class OrganizationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-03T09:15:42.318765Z"), ZoneOffset.UTC);
    private final Map<String, Organization> stored = new HashMap<>();

    @Test
    void registering_records_the_state_consumers_need() {
        Organization trakia = Organization.register("trakia", trakia(), Lineage.none(), CLOCK);

        assertThat(trakia.pullEvents())
                .containsExactly(new OrganizationRegistered(
                        "trakia",
                        "Регионална Асоциация на Общини “Тракия”",
                        "РАО “Тракия”",
                        "association_of_municipalities",
                        "BG",
                        "Пловдив",
                        null,
                        List.of("bg", "en"),
                        null,
                        null,
                        Instant.parse("2025-02-03T09:15:42.318Z")));
        assertThat(trakia.pullEvents()).isEmpty();
    }

    @Test
    void a_representation_is_registered_under_its_movement() {
        Organization centre = store(root("centre"));
        Organization bulgaria = Organization.register("bg", details("BG"), line(centre), CLOCK);

        assertThat(bulgaria.parentId()).isEqualTo("centre");
        assertThat(((OrganizationRegistered) bulgaria.pullEvents().get(0)).parentId())
                .isEqualTo("centre");
    }

    @Test
    void a_chapter_cannot_become_its_own_ancestor() {
        Organization centre = store(root("centre"));
        Organization bulgaria = store(child("bg", centre));
        Organization plovdiv = store(child("plovdiv", bulgaria));

        assertThatThrownBy(() -> centre.change(centre.details(), line(plovdiv), CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("its own ancestor")
                .extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo("parentId");
        assertThat(centre.parentId()).isNull();
        assertThat(centre.pullEvents()).isEmpty();
    }

    @Test
    void an_organization_cannot_be_its_own_parent() {
        Organization centre = store(root("centre"));

        assertThatThrownBy(() -> centre.change(centre.details(), line(centre), CLOCK))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void a_chapter_may_move_to_another_branch() {
        Organization centre = store(root("centre"));
        Organization bulgaria = store(child("bg", centre));
        Organization poland = store(child("pl", centre));
        Organization group = store(child("group", bulgaria));

        assertThat(group.change(group.details(), line(poland), CLOCK)).isTrue();

        OrganizationUpdated updated = (OrganizationUpdated) group.pullEvents().get(0);
        assertThat(updated.parentId()).isEqualTo("pl");
        assertThat(updated.version()).isEqualTo(1);
    }

    @Test
    void trees_deeper_than_the_limit_are_refused() {
        Organization parent = store(root("level-0"));
        for (int level = 1; level < Organization.MAX_DEPTH; level++) {
            parent = store(child("level-" + level, parent));
        }
        Organization deepest = parent;

        assertThatThrownBy(() -> Organization.register("too-deep", details("PL"), line(deepest), CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("levels deep");
    }

    @Test
    void an_unchanged_organization_records_nothing() {
        Organization centre = store(root("centre"));

        assertThat(centre.change(centre.details(), Lineage.none(), CLOCK)).isFalse();
        assertThat(centre.pullEvents()).isEmpty();
    }

    @Test
    void archiving_twice_records_one_event_and_an_archived_organization_takes_nothing_new() {
        Organization centre = store(root("centre"));

        assertThat(centre.archive(CLOCK)).isTrue();
        assertThat(centre.archive(CLOCK)).isFalse();

        assertThat(centre.pullEvents()).singleElement().isInstanceOf(OrganizationArchived.class);
        assertThatThrownBy(() -> centre.requireActive("organizationId"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("archived");
        assertThatThrownBy(() -> centre.change(details("US"), Lineage.none(), CLOCK))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> Organization.register("late", details("US"), line(centre), CLOCK))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void details_are_normalized_and_checked_against_the_standards() {
        OrganizationDetails details = new OrganizationDetails(
                "  Stowarzyszenie  ", " ", OrganizationKind.NGO, "pl", "Lublin", "", List.of("PL", "pt-br", "pl"), "");

        assertThat(details.name()).isEqualTo("Stowarzyszenie");
        assertThat(details.shortName()).isNull();
        assertThat(details.country()).isEqualTo("PL");
        assertThat(details.website()).isNull();
        assertThat(details.languages()).containsExactly("pl", "pt-BR");
        assertThatThrownBy(() -> new OrganizationDetails(
                        "X", null, OrganizationKind.NGO, "PL", "Lublin", null, List.of("pl", "klingon"), null))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo("languages[1]");
        assertThatThrownBy(() -> new OrganizationDetails(
                        "X", null, OrganizationKind.NGO, "EU", "Bruxelles", null, List.of("fr"), null))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo("country");
    }

    @Test
    void the_lineage_walk_ends_even_on_a_cycle_that_slipped_past_the_rule() {
        stored.put("a", Organization.restore("a", 0, details("PL"), "b", CLOCK.instant(), null));
        stored.put("b", Organization.restore("b", 0, details("PL"), "a", CLOCK.instant(), null));

        Lineage lineage = Lineage.from(stored.get("a"), id -> Optional.ofNullable(stored.get(id)));

        assertThat(lineage.organizations()).extracting(Organization::id).containsExactly("a", "b");
    }

    private Lineage line(Organization parent) {
        return Lineage.from(parent, id -> Optional.ofNullable(stored.get(id)));
    }

    private Organization store(Organization organization) {
        organization.pullEvents();
        Organization restored = Organization.restore(
                organization.id(),
                0,
                organization.details(),
                organization.parentId(),
                organization.registeredAt(),
                organization.archivedAt());
        stored.put(restored.id(), restored);
        return restored;
    }

    private Organization root(String id) {
        return Organization.register(id, details("US"), Lineage.none(), CLOCK);
    }

    private Organization child(String id, Organization parent) {
        return Organization.register(id, details("BG"), line(parent), CLOCK);
    }

    private static OrganizationDetails trakia() {
        return new OrganizationDetails(
                "Регионална Асоциация на Общини “Тракия”",
                "РАО “Тракия”",
                OrganizationKind.ASSOCIATION_OF_MUNICIPALITIES,
                "BG",
                "Пловдив",
                null,
                List.of("bg", "en"),
                null);
    }

    private static OrganizationDetails details(String country) {
        return new OrganizationDetails(
                "Organization in " + country,
                null,
                OrganizationKind.REPRESENTATION,
                country,
                "City",
                null,
                List.of("en"),
                null);
    }
}
