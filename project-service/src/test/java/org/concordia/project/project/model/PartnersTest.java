package org.concordia.project.project.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concordia.project.project.model.ProjectFixtures.BIALYSTOK_COALITION;
import static org.concordia.project.project.model.ProjectFixtures.CLOCK;
import static org.concordia.project.project.model.ProjectFixtures.GLOBAL_SOLIDARITY;
import static org.concordia.project.project.model.ProjectFixtures.LUBLIN_COALITION;
import static org.concordia.project.project.model.ProjectFixtures.PARTNER_AT;
import static org.concordia.project.project.model.ProjectFixtures.PARTNER_PT;
import static org.concordia.project.project.model.ProjectFixtures.active;
import static org.concordia.project.project.model.ProjectFixtures.draft;

import org.concordia.contracts.project.PartnerDeclined;
import org.concordia.contracts.project.PartnerInvited;
import org.concordia.contracts.project.PartnerJoined;
import org.concordia.contracts.project.PartnerWithdrawn;
import org.concordia.platform.domain.ConflictException;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class PartnersTest {

    @Test
    void an_invitation_is_announced_with_the_organizations_name_country_role_and_the_lead() {
        Project project = draft();

        ProjectPartner invited = project.invite(PARTNER_PT, PartnerRole.ASSOCIATE, CLOCK);

        assertThat(invited.status()).isEqualTo(PartnerStatus.INVITED);
        assertThat(project.pullEvents()).singleElement().isInstanceOfSatisfying(PartnerInvited.class, event -> {
            assertThat(event.organizationId()).isEqualTo(PARTNER_PT.id());
            assertThat(event.organizationName()).isEqualTo("Associação Lisboa Integra");
            assertThat(event.country()).isEqualTo("PT");
            assertThat(event.role()).isEqualTo("associate");
            assertThat(event.title()).isEqualTo(project.details().title());
            assertThat(event.leadOrganizationId()).isEqualTo(GLOBAL_SOLIDARITY.id());
            assertThat(event.leadOrganizationName()).isEqualTo(GLOBAL_SOLIDARITY.name());
        });
    }

    @Test
    void the_lead_cannot_be_invited_as_a_partner_of_its_own_project() {
        Project project = draft();

        assertThatThrownBy(() -> project.invite(GLOBAL_SOLIDARITY, PartnerRole.PARTNER, CLOCK))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("organizationId");
                    assertThat(e.getMessage()).contains("leads this project");
                });
        assertThat(project.pullEvents()).isEmpty();
    }

    @Test
    void an_organization_is_not_invited_twice_nor_a_partner_invited_again() {
        Project project = draft();
        project.invite(PARTNER_PT, PartnerRole.PARTNER, CLOCK);

        assertThatThrownBy(() -> project.invite(PARTNER_PT, PartnerRole.ASSOCIATE, CLOCK))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("invited to this project already");
        project.accept(PARTNER_PT.id(), CLOCK);
        assertThatThrownBy(() -> project.invite(PARTNER_PT, PartnerRole.PARTNER, CLOCK))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("a partner of this project already");
        assertThat(project.partners()).hasSize(1);
    }

    @Test
    void an_organization_that_declined_may_be_invited_again() {
        Project project = draft();
        project.invite(PARTNER_PT, PartnerRole.PARTNER, CLOCK);
        project.decline(PARTNER_PT.id(), "Not this year", CLOCK);

        project.invite(PARTNER_PT, PartnerRole.ASSOCIATE, CLOCK);

        assertThat(project.partners()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PartnerStatus.INVITED);
            assertThat(p.role()).isEqualTo(PartnerRole.ASSOCIATE);
            assertThat(p.reason()).isNull();
        });
    }

    @Test
    void an_invited_organization_accepts_and_its_country_joins_the_project() {
        Project project = draft();
        project.invite(PARTNER_AT, PartnerRole.PARTNER, CLOCK);
        project.pullEvents();

        assertThat(project.accept(PARTNER_AT.id(), CLOCK)).isTrue();

        assertThat(project.countries()).containsExactly("AT", "PL");
        assertThat(project.pullEvents()).singleElement().isInstanceOfSatisfying(PartnerJoined.class, event -> {
            assertThat(event.organizationName()).isEqualTo("Integrationsverein Wien");
            assertThat(event.country()).isEqualTo("AT");
        });
    }

    @Test
    void accepting_twice_changes_nothing_and_publishes_nothing() {
        Project project = draft();
        project.invite(PARTNER_AT, PartnerRole.PARTNER, CLOCK);
        project.accept(PARTNER_AT.id(), CLOCK);
        project.pullEvents();

        assertThat(project.accept(PARTNER_AT.id(), CLOCK)).isFalse();
        assertThat(project.pullEvents()).isEmpty();
    }

    @Test
    void only_an_invited_organization_accepts_or_declines() {
        Project project = draft();
        project.invite(PARTNER_AT, PartnerRole.PARTNER, CLOCK);
        project.invite(PARTNER_PT, PartnerRole.PARTNER, CLOCK);
        project.decline(PARTNER_AT.id(), null, CLOCK);
        project.accept(PARTNER_PT.id(), CLOCK);

        assertThatThrownBy(() -> project.accept(PARTNER_AT.id(), CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("Only an invited organization can accept; Integrationsverein Wien has declined already");
        assertThatThrownBy(() -> project.decline(PARTNER_PT.id(), null, CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("has accepted already");
    }

    @Test
    void an_organization_never_invited_cannot_answer() {
        Project project = draft();

        assertThatThrownBy(() -> project.accept("org-nobody", CLOCK)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_decline_carries_its_reason() {
        Project project = draft();
        project.invite(PARTNER_PT, PartnerRole.PARTNER, CLOCK);
        project.pullEvents();

        project.decline(PARTNER_PT.id(), "  Brak zasobów w tym roku ", CLOCK);

        assertThat(project.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        PartnerDeclined.class,
                        event -> assertThat(event.reason()).isEqualTo("Brak zasobów w tym roku"));
    }

    @Test
    void only_an_accepted_partner_withdraws() {
        Project project = draft();
        project.invite(PARTNER_PT, PartnerRole.PARTNER, CLOCK);

        assertThatThrownBy(() -> project.withdraw(PARTNER_PT.id(), null, CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("is invited and has not accepted yet");
        project.accept(PARTNER_PT.id(), CLOCK);
        project.pullEvents();

        assertThat(project.withdraw(PARTNER_PT.id(), "Zmiana priorytetów", CLOCK))
                .isTrue();
        assertThat(project.countries()).containsExactly("PL");
        assertThat(project.pullEvents()).singleElement().isInstanceOf(PartnerWithdrawn.class);
        assertThat(project.withdraw(PARTNER_PT.id(), null, CLOCK))
                .as("withdrawing twice")
                .isFalse();
    }

    @Test
    void the_invitation_of_an_archived_organization_is_withdrawn_once() {
        Project project = draft();
        project.invite(PARTNER_PT, PartnerRole.PARTNER, CLOCK);
        project.invite(PARTNER_AT, PartnerRole.PARTNER, CLOCK);
        project.accept(PARTNER_AT.id(), CLOCK);
        project.pullEvents();

        assertThat(project.withdrawInvitation(PARTNER_PT.id(), "organization archived", CLOCK))
                .isTrue();
        assertThat(project.withdrawInvitation(PARTNER_PT.id(), "organization archived", CLOCK))
                .isFalse();
        assertThat(project.withdrawInvitation(PARTNER_AT.id(), "organization archived", CLOCK))
                .as("an accepted partner stays")
                .isFalse();

        assertThat(project.pullEvents()).singleElement().isInstanceOfSatisfying(PartnerWithdrawn.class, event -> {
            assertThat(event.organizationId()).isEqualTo(PARTNER_PT.id());
            assertThat(event.reason()).isEqualTo("organization archived");
            assertThat(event.country()).isEqualTo("PT");
        });
        assertThat(project.invitedIds()).isEmpty();
    }

    @Test
    void ended_projects_keep_their_pending_invitations_as_they_were() {
        Project project = active();
        project.invite(PARTNER_PT, PartnerRole.PARTNER, CLOCK);
        project.cancel(null, CLOCK);
        project.pullEvents();

        assertThat(project.withdrawInvitation(PARTNER_PT.id(), "organization archived", CLOCK))
                .isFalse();
        assertThat(project.pullEvents()).isEmpty();
    }

    @Test
    void a_renamed_organization_is_named_anew_without_an_event() {
        Project project = draft();
        project.invite(BIALYSTOK_COALITION, PartnerRole.PARTNER, CLOCK);
        project.pullEvents();

        OrganizationRef renamed = new OrganizationRef(BIALYSTOK_COALITION.id(), "Białostocka Koalicja NGO", "PL");
        assertThat(project.refresh(renamed)).isTrue();
        assertThat(project.refresh(renamed)).isFalse();
        assertThat(project.refresh(LUBLIN_COALITION)).as("not in the project").isFalse();

        assertThat(project.partner(BIALYSTOK_COALITION.id())
                        .orElseThrow()
                        .organization()
                        .name())
                .isEqualTo("Białostocka Koalicja NGO");
        assertThat(project.pullEvents()).isEmpty();
    }
}
