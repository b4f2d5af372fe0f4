package org.concordia.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.concordia.organization.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Registering and changing people, over HTTP. */
class PersonApiTest extends ServiceTest {

    @Test
    void a_person_is_registered_with_language_and_time_zone() {
        String email = "M.Ivanova." + unique() + "@RaoTrakia.example";
        Response created = as(coordinatorOf(unique())).post("/api/v1/people", """
                {"fullName": "Мария Иванова", "email": " %s ", "preferredLanguage": "BG", "timeZone": "Europe/Sofia"}""".formatted(email));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.etag()).isEqualTo("\"0\"");
        assertThat(created.body())
                .containsEntry("fullName", "Мария Иванова")
                .containsEntry("email", email)
                .containsEntry("preferredLanguage", "bg")
                .containsEntry("timeZone", "Europe/Sofia");
        assertThat(as(personToken(created.id()))
                        .get("/api/v1/people/" + created.id())
                        .body())
                .isEqualTo(created.body());
    }

    @Test
    void an_email_address_is_unique_whatever_its_case() {
        String email = "anna." + unique() + "@solidarnosc-globalna.example";
        registerPerson("Anna Kowalska", email);
        long people = count("people");

        Response duplicate = as(coordinatorOf(unique())).post("/api/v1/people", """
                {"fullName": "Anna K.", "email": "%s", "preferredLanguage": "pl", "timeZone": "Europe/Warsaw"}""".formatted(email.toUpperCase()));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorFields()).containsExactly("email");
        assertThat(count("people")).isEqualTo(people);
    }

    @Test
    void changing_to_someone_elses_email_address_is_a_conflict_on_email() {
        String taken = "piotr." + unique() + "@bialystok-ngo.example";
        registerPerson("Piotr Nowak", taken);
        Response other = registerPerson("Tomasz Lewandowski", "tomasz." + unique() + "@allatra-pl.example");

        Response clash = as(personToken(other.id()))
                .put(
                        "/api/v1/people/" + other.id(),
                        """
                {"fullName": "Tomasz Lewandowski", "email": "%s", "preferredLanguage": "pl", "timeZone": "Europe/Warsaw"}""".formatted(taken.toUpperCase()),
                        HttpHeaders.IF_MATCH,
                        other.etag());

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.errorFields()).containsExactly("email");
        assertThat(get("/api/v1/people/" + other.id()).etag()).isEqualTo("\"0\"");
    }

    @Test
    void a_person_moves_to_another_time_zone() {
        Response created = registerPerson("Olivia Bennett", "olivia." + unique() + "@allatra-au.example");
        Api olivia = as(personToken(created.id()));
        Response moved = olivia.put(
                "/api/v1/people/" + created.id(),
                """
                {"fullName": "Olivia Bennett", "email": "%s", "preferredLanguage": "en-au", "timeZone": "Australia/Sydney"}""".formatted(created.get("email")),
                HttpHeaders.IF_MATCH,
                created.etag());

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.etag()).isEqualTo("\"1\"");
        assertThat(moved.body())
                .containsEntry("timeZone", "Australia/Sydney")
                .containsEntry("preferredLanguage", "en-AU");
        Response stale = olivia.put(
                "/api/v1/people/" + created.id(),
                """
                {"fullName": "Olivia B.", "email": "%s", "preferredLanguage": "en", "timeZone": "Australia/Perth"}""".formatted(created.get("email")),
                HttpHeaders.IF_MATCH,
                created.etag());
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void a_retried_registration_with_the_same_key_returns_the_first_person() {
        String key = "person-" + unique();
        String body = """
                {"fullName": "Jordi Puig i Serra", "email": "%s@catalunyaacull.example", "preferredLanguage": "ca",
                 "timeZone": "Europe/Madrid"}""".formatted(key);
        Api coordinator = as(coordinatorOf(unique()));
        Response first = coordinator.post("/api/v1/people", body, "Idempotency-Key", key);
        Response retry = coordinator.post("/api/v1/people", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(as(operator()).get("/api/v1/people?nameContains=JORDI PUIG").content())
                .filteredOn(p -> p.get("email").equals(key + "@catalunyaacull.example"))
                .hasSize(1);
    }
}
