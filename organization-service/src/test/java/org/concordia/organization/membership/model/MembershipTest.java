package org.concordia.organization.membership.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.concordia.contracts.organization.MemberJoined;
import org.concordia.contracts.organization.MemberLeft;
import org.concordia.contracts.organization.MemberRolesChanged;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.organization.model.OrganizationDetails;
import org.concordia.organization.organization.model.OrganizationKind;
import org.concordia.organization.person.model.Person;
import org.concordia.organization.person.model.PersonDetails;
import org.concordia.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-03T09:24:55.901Z"), ZoneOffset.UTC);
    private static final Organization TRAKIA = Organization.restore(
            "trakia",
            3,
            new OrganizationDetails(
                    "Регионална Асоциация на Общини “Тракия”",
                    null,
                    OrganizationKind.ASSOCIATION_OF_MUNICIPALITIES,
                    "BG",
                    "Пловдив",
                    null,
                    List.of("bg"),
                    null),
            null,
            CLOCK.instant(),
            null);
    private static final Person MARIA = Person.restore(
            "maria",
            0,
            new PersonDetails("Мария Иванова", "m.ivanova@raotrakia.example", "bg", "Europe/Sofia"),
            CLOCK.instant());

    @Test
    void a_new_member_is_announced_with_how_to_reach_them() {
        Membership membership = Membership.join(
                "m1",
                TRAKIA,
                MARIA,
                List.of(Role.PARTNER_CONTACT, Role.COORDINATOR),
                LocalDate.of(2025, 2, 1),
                null,
                CLOCK);

        assertThat(membership.pullEvents())
                .containsExactly(new MemberJoined(
                        "m1",
                        "trakia",
                        "Регионална Асоциация на Общини “Тракия”",
                        "maria",
                        "Мария Иванова",
                        "m.ivanova@raotrakia.example",
                        "bg",
                        "Europe/Sofia",
                        List.of("coordinator", "partner_contact"),
                        LocalDate.of(2025, 2, 1),
                        null,
                        CLOCK.instant()));
    }

    @Test
    void a_member_holds_at_least_one_role() {
        assertThatThrownBy(() -> Membership.join("m1", TRAKIA, MARIA, List.of(), null, null, CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo("roles");
    }

    @Test
    void a_mandate_cannot_end_before_it_begins() {
        assertThatThrownBy(() -> Membership.join(
                        "m1",
                        TRAKIA,
                        MARIA,
                        List.of(Role.MEMBER),
                        LocalDate.of(2025, 6, 1),
                        LocalDate.of(2025, 5, 31),
                        CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo("validUntil");
    }

    @Test
    void an_archived_organization_takes_no_new_members() {
        Organization archived =
                Organization.restore("old", 1, TRAKIA.details(), null, CLOCK.instant(), CLOCK.instant());

        assertThatThrownBy(() -> Membership.join("m1", archived, MARIA, List.of(Role.MEMBER), null, null, CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo("organizationId");
    }

    @Test
    void a_role_change_tells_what_the_roles_were() {
        Membership membership =
                Membership.restore("m1", 0, "trakia", "maria", List.of(Role.MEMBER), null, null, CLOCK.instant(), null);

        assertThat(membership.changeRoles(List.of(Role.REPRESENTATIVE, Role.COORDINATOR), TRAKIA, CLOCK))
                .isTrue();
        assertThat(membership.changeRoles(List.of(Role.COORDINATOR, Role.REPRESENTATIVE), TRAKIA, CLOCK))
                .isFalse();

        MemberRolesChanged changed =
                (MemberRolesChanged) membership.pullEvents().get(0);
        assertThat(changed.roles()).containsExactly("coordinator", "representative");
        assertThat(changed.previousRoles()).containsExactly("member");
        assertThat(changed.organizationName()).isEqualTo(TRAKIA.name());
    }

    @Test
    void leaving_twice_is_announced_once_and_a_former_member_keeps_their_roles() {
        Membership membership =
                Membership.restore("m1", 0, "trakia", "maria", List.of(Role.MEMBER), null, null, CLOCK.instant(), null);

        assertThat(membership.leave(TRAKIA, MARIA, CLOCK)).isTrue();
        assertThat(membership.leave(TRAKIA, MARIA, CLOCK)).isFalse();

        assertThat(membership.pullEvents())
                .containsExactly(new MemberLeft(
                        "m1", "trakia", "maria", TRAKIA.name(), "Мария Иванова", List.of("member"), CLOCK.instant()));
        assertThat(membership.isActive()).isFalse();
        assertThatThrownBy(() -> membership.changeRoles(List.of(Role.COORDINATOR), TRAKIA, CLOCK))
                .isInstanceOf(RuleViolationException.class);
    }
}
