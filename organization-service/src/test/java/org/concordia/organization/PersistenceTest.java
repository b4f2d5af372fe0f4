package org.concordia.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.concordia.organization.membership.model.Membership;
import org.concordia.organization.membership.model.Memberships;
import org.concordia.organization.membership.model.Role;
import org.concordia.organization.organization.model.Lineage;
import org.concordia.organization.organization.model.Organization;
import org.concordia.organization.organization.model.OrganizationDetails;
import org.concordia.organization.organization.model.OrganizationKind;
import org.concordia.organization.organization.model.Organizations;
import org.concordia.organization.partnership.model.Partnership;
import org.concordia.organization.partnership.model.PartnershipKind;
import org.concordia.organization.partnership.model.Partnerships;
import org.concordia.organization.person.model.People;
import org.concordia.organization.person.model.Person;
import org.concordia.organization.person.model.PersonDetails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/** The MongoDB side of the ports: round trips, the unique indexes, optimistic locking, and the emptied outbox. */
class PersistenceTest extends ServiceTest {

    @Autowired
    Organizations organizations;

    @Autowired
    People people;

    @Autowired
    Memberships memberships;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Clock clock;

    @Test
    void an_organization_reads_back_as_it_was_stored_and_its_outbox_empties_once_published() {
        Organization stored = organizations.add(Organization.register(
                "persistence-" + unique(),
                new OrganizationDetails(
                        "Global Parliament of Mayors",
                        "GPM",
                        OrganizationKind.CITY_NETWORK,
                        "NL",
                        "Den Haag",
                        "https://example.org/gpm",
                        List.of("en", "nl"),
                        "Founded in The Hague in September 2016"),
                Lineage.none(),
                clock));

        Organization read = organizations.byId(stored.id()).orElseThrow();
        assertThat(read.version()).isZero();
        assertThat(read.details()).isEqualTo(stored.details());
        assertThat(read.registeredAt()).isEqualTo(stored.registeredAt());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(outboxOf("organizations", read.id())).isEmpty());
    }

    @Test
    void a_stale_write_is_refused_and_leaves_the_stored_state() {
        Organization stored = organizations.add(
                Organization.register("stale-" + unique(), details("Koalicja"), Lineage.none(), clock));
        Organization first = organizations.byId(stored.id()).orElseThrow();
        Organization second = organizations.byId(stored.id()).orElseThrow();
        first.change(details("Koalicja lubelska"), Lineage.none(), clock);
        organizations.update(first);

        second.change(details("Koalicja białostocka"), Lineage.none(), clock);

        assertThatThrownBy(() -> organizations.update(second)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(organizations.byId(stored.id()).orElseThrow().name()).isEqualTo("Koalicja lubelska");
    }

    @Test
    void e_mail_addresses_are_unique_whatever_their_case() {
        String email = "Unique." + unique() + "@Example.org";
        people.add(Person.register("p-" + unique(), new PersonDetails("Anna", email, "pl", "Europe/Warsaw"), clock));

        assertThatThrownBy(() -> people.add(Person.register(
                        "p-" + unique(), new PersonDetails("Anna", email.toLowerCase(), "pl", "Europe/Warsaw"), clock)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(people.byEmail(email.toUpperCase())).isPresent();
    }

    @Test
    void one_active_membership_per_person_and_organization_but_former_ones_do_not_count() {
        Organization organization =
                organizations.add(Organization.register("m-org-" + unique(), details("Trakia"), Lineage.none(), clock));
        Person person = people.add(Person.register(
                "m-person-" + unique(),
                new PersonDetails("Мария", "maria." + unique() + "@example.org", "bg", "Europe/Sofia"),
                clock));
        Membership first = memberships.add(
                Membership.join("m1-" + unique(), organization, person, List.of(Role.MEMBER), null, null, clock));

        assertThatThrownBy(() -> memberships.add(Membership.join(
                        "m2-" + unique(), organization, person, List.of(Role.COORDINATOR), null, null, clock)))
                .isInstanceOf(DuplicateKeyException.class);

        first.leave(organization, person, clock);
        memberships.update(first);
        Membership again = memberships.add(Membership.join(
                "m3-" + unique(),
                organization,
                person,
                List.of(Role.COORDINATOR),
                LocalDate.of(2025, 1, 1),
                null,
                clock));
        assertThat(memberships.byId(again.id()).orElseThrow().roles()).containsExactly(Role.COORDINATOR);
        assertThat(memberships.ofOrganization(organization.id(), null, true, 0, 10))
                .hasSize(2);
        assertThat(memberships.ofOrganization(organization.id(), Role.COORDINATOR, false, 0, 10))
                .extracting(Membership::id)
                .containsExactly(again.id());
    }

    @Test
    void one_running_partnership_of_a_kind_per_pair_whichever_side_records_it() {
        Organization a =
                organizations.add(Organization.register("pa-" + unique(), details("A"), Lineage.none(), clock));
        Organization b =
                organizations.add(Organization.register("pb-" + unique(), details("B"), Lineage.none(), clock));
        partnerships.add(Partnership.form(
                "pp1-" + unique(), a, b, PartnershipKind.TWINNING, LocalDate.of(2020, 1, 1), null, clock));

        assertThatThrownBy(() -> partnerships.add(Partnership.form(
                        "pp2-" + unique(), b, a, PartnershipKind.TWINNING, LocalDate.of(2021, 1, 1), null, clock)))
                .isInstanceOf(DuplicateKeyException.class);
        Partnership other = partnerships.add(Partnership.form(
                "pp3-" + unique(), b, a, PartnershipKind.FUNDING, LocalDate.of(2021, 1, 1), null, clock));
        assertThat(partnerships.of(a.id(), false, 0, 10)).hasSize(2);
        assertThat(partnerships.byId(other.id()).orElseThrow().since()).isEqualTo(LocalDate.of(2021, 1, 1));
    }

    @Test
    void the_indexes_real_mongodb_needs_are_declared() {
        assertThat(indexNames("people")).contains("unique_email");
        assertThat(indexNames("memberships")).contains("one_active_membership");
        assertThat(indexNames("partnerships")).contains("one_running_partnership");
    }

    private List<Object> outboxOf(String collection, String id) {
        Document document =
                mongo.getCollection(collection).find(new Document("_id", id)).first();
        Object outbox = document == null ? null : document.get("_outbox");
        return outbox == null ? List.of() : new ArrayList<>((List<?>) outbox);
    }

    private List<String> indexNames(String collection) {
        return mongo.getCollection(collection)
                .listIndexes()
                .map(index -> index.getString("name"))
                .into(new ArrayList<>());
    }

    private static OrganizationDetails details(String name) {
        return new OrganizationDetails(name, null, OrganizationKind.NGO, "PL", "Lublin", null, List.of("pl"), null);
    }
}
