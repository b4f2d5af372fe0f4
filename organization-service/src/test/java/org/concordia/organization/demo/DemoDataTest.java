package org.concordia.organization.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.concordia.organization.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo directory, loaded at startup by {@code concordia.demo.load=true} (see {@link ServiceTest}). */
class DemoDataTest extends ServiceTest {

    private static final List<String> KEYS_OTHER_SERVICES_USE = List.of(
            "allatra-centre",
            "trakia",
            "global-solidarity",
            "lublin-ngo-coalition",
            "bialystok-ngo-coalition",
            "partner-pt",
            "partner-es",
            "partner-at",
            "partner-cz",
            "gpm",
            "katowice");

    @Autowired
    DemoLoader loader;

    @Test
    void loading_again_creates_nothing_and_publishes_nothing() {
        String gpm = DemoIds.organizationId(DemoIds.GPM);
        assertThat(eventsOf(gpm, 1)).hasSize(1);
        Map<String, Long> before = counts();

        DemoLoader.Loaded second = loader.load();

        assertThat(second.total()).isZero();
        assertThat(counts()).isEqualTo(before);
        List<ConsumerRecord<String, byte[]>> all = allEventsPublished();
        for (String key : KEYS_OTHER_SERVICES_USE) {
            String id = DemoIds.organizationId(key);
            assertThat(all.stream().filter(r -> id.equals(r.key()))).as(key).hasSize(1);
        }
    }

    @Test
    void the_ids_other_services_refer_to_are_derived_from_the_keys() {
        for (String key : KEYS_OTHER_SERVICES_USE) {
            String expected = UUID.nameUUIDFromBytes(("concordia-demo:" + key).getBytes(StandardCharsets.UTF_8))
                    .toString();
            assertThat(DemoIds.organizationId(key)).isEqualTo(expected);
            assertThat(get("/api/v1/organizations/" + expected).status())
                    .as(key)
                    .isEqualTo(200);
        }
    }

    @Test
    void the_seed_organizations_carry_the_names_the_seeds_write() {
        assertThat(name(DemoIds.ALLATRA_CENTRE))
                .isEqualTo("Координационен Център на Международното обществено движение «АЛЛАТРА»");
        assertThat(name(DemoIds.TRAKIA)).isEqualTo("Регионална Асоциация на Общини “Тракия”");
        assertThat(name(DemoIds.GLOBAL_SOLIDARITY)).isEqualTo("Stowarzyszenie Solidarności Globalnej");
        assertThat(name(DemoIds.GPM)).isEqualTo("Global Parliament of Mayors");
        assertThat(name(DemoIds.KATOWICE)).isEqualTo("Miasto Katowice");
        assertThat(get("/api/v1/organizations/" + DemoIds.organizationId(DemoIds.ALLATRA_CENTRE))
                        .get("country"))
                .isEqualTo("US");
    }

    @Test
    void allatra_has_representations_on_several_continents() {
        Response chapters =
                get("/api/v1/organizations/" + DemoIds.organizationId(DemoIds.ALLATRA_CENTRE) + "/chapters?size=100");
        assertThat(chapters.content()).extracting(c -> c.get("country")).contains("BG", "PL", "AU", "BR", "KE", "IN");
        assertThat(chapters.content()).extracting(c -> c.get("kind")).containsOnly("representation");
    }

    @Test
    void katowice_is_a_member_of_the_global_parliament_of_mayors_since_21_november_2019() {
        Response partnerships =
                get("/api/v1/organizations/" + DemoIds.organizationId(DemoIds.KATOWICE) + "/partnerships");
        assertThat(partnerships.content())
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .containsEntry("partnerOrganizationId", DemoIds.organizationId(DemoIds.GPM))
                        .containsEntry("kind", "network_membership")
                        .containsEntry("since", "2019-11-21"));
    }

    @Test
    void the_lead_of_the_lublin_project_partners_with_coalitions_and_four_countries() {
        Response partnerships = get("/api/v1/organizations/" + DemoIds.organizationId(DemoIds.GLOBAL_SOLIDARITY)
                + "/partnerships?size=100");
        assertThat(partnerships.content())
                .extracting(p -> p.get("partnerOrganizationId"))
                .containsExactlyInAnyOrder(
                        DemoIds.organizationId(DemoIds.LUBLIN_NGO_COALITION),
                        DemoIds.organizationId(DemoIds.BIALYSTOK_NGO_COALITION),
                        DemoIds.organizationId(DemoIds.PARTNER_PT),
                        DemoIds.organizationId(DemoIds.PARTNER_ES),
                        DemoIds.organizationId(DemoIds.PARTNER_AT),
                        DemoIds.organizationId(DemoIds.PARTNER_CZ));
    }

    @Test
    void members_speak_several_languages_in_several_time_zones() {
        Response people = get("/api/v1/people?size=100");
        assertThat(people.content()).extracting(p -> p.get("preferredLanguage")).contains("bg", "pl", "en");
        assertThat(people.content())
                .extracting(p -> p.get("timeZone"))
                .contains("Europe/Sofia", "Europe/Warsaw", "America/New_York", "Australia/Sydney");
        Response coordinators =
                get("/api/v1/organizations/" + DemoIds.organizationId(DemoIds.TRAKIA) + "/members?role=coordinator");
        assertThat(coordinators.content())
                .singleElement()
                .satisfies(m -> assertThat(m)
                        .containsEntry("personName", "Мария Иванова")
                        .containsEntry("timeZone", "Europe/Sofia"));
    }

    private String name(String key) {
        return (String)
                get("/api/v1/organizations/" + DemoIds.organizationId(key)).get("name");
    }
}
