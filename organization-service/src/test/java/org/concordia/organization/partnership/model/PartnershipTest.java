package org.concordia.organization.partnership.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.concordia.contracts.organization.PartnershipEnded;
import org.concordia.contracts.organization.PartnershipFormed;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.organization.model.OrganizationDetails;
import org.concordia.organization.organization.model.OrganizationKind;
import org.concordia.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class PartnershipTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-17T11:12:40.233Z"), ZoneOffset.UTC);
    private static final LocalDate RESOLUTION_XIV_328_19 = LocalDate.of(2019, 11, 21);
    private static final Organization KATOWICE = organization("katowice", "Miasto Katowice", "PL", null);
    private static final Organization GPM = organization("gpm", "Global Parliament of Mayors", "NL", null);

    @Test
    void a_city_joins_a_network_from_the_day_its_council_decided() {
        Partnership membership = Partnership.form(
                "p1", KATOWICE, GPM, PartnershipKind.NETWORK_MEMBERSHIP, RESOLUTION_XIV_328_19, null, CLOCK);

        assertThat(membership.pullEvents())
                .containsExactly(new PartnershipFormed(
                        "p1",
                        "katowice",
                        "Miasto Katowice",
                        "gpm",
                        "Global Parliament of Mayors",
                        "network_membership",
                        RESOLUTION_XIV_328_19,
                        null,
                        CLOCK.instant()));
    }

    @Test
    void an_organization_cannot_partner_with_itself() {
        assertThatThrownBy(() -> Partnership.form(
                        "p1", KATOWICE, KATOWICE, PartnershipKind.TWINNING, RESOLUTION_XIV_328_19, null, CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo("partnerOrganizationId");
    }

    @Test
    void an_archived_organization_forms_no_partnership() {
        Organization archived = organization("old", "Old network", "NL", CLOCK.instant());

        assertThatThrownBy(() -> Partnership.form(
                        "p1",
                        KATOWICE,
                        archived,
                        PartnershipKind.NETWORK_MEMBERSHIP,
                        RESOLUTION_XIV_328_19,
                        null,
                        CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo("partnerOrganizationId");
    }

    @Test
    void a_partnership_cannot_end_before_it_began_and_ends_once() {
        Partnership partnership = Partnership.restore(
                "p1",
                0,
                "katowice",
                "gpm",
                PartnershipKind.NETWORK_MEMBERSHIP,
                RESOLUTION_XIV_328_19,
                null,
                null,
                CLOCK.instant(),
                null);

        assertThatThrownBy(() -> partnership.end(LocalDate.of(2019, 11, 20), KATOWICE, GPM, CLOCK))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo("endedOn");
        assertThat(partnership.end(LocalDate.of(2025, 12, 31), KATOWICE, GPM, CLOCK))
                .isTrue();
        assertThat(partnership.end(LocalDate.of(2026, 1, 31), KATOWICE, GPM, CLOCK))
                .isFalse();

        assertThat(partnership.pullEvents())
                .containsExactly(new PartnershipEnded(
                        "p1",
                        "katowice",
                        "gpm",
                        LocalDate.of(2025, 12, 31),
                        "Miasto Katowice",
                        "Global Parliament of Mayors",
                        "network_membership",
                        CLOCK.instant()));
        assertThat(partnership.isRunning()).isFalse();
    }

    private static Organization organization(String id, String name, String country, Instant archivedAt) {
        return Organization.restore(
                id,
                0,
                new OrganizationDetails(
                        name, null, OrganizationKind.MUNICIPALITY, country, "City", null, List.of("en"), null),
                null,
                CLOCK.instant(),
                archivedAt);
    }
}
