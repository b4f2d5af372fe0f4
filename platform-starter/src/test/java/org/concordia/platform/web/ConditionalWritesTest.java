package org.concordia.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** {@code If-Match} over HTTP: strong comparison, {@code *} and lists, as every service answers it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class ConditionalWritesTest {

    @LocalServerPort
    int port;

    @Test
    void a_weak_etag_of_the_current_version_is_refused_with_412() {
        String id = register("Klub Plovdiv");

        assertThat(rename(id, "W/\"0\"", "Klub Plovdiv Trakia").status()).isEqualTo(412);
        assertThat(name(id)).isEqualTo("Klub Plovdiv");
    }

    @Test
    void a_list_naming_the_current_version_and_a_star_are_accepted() {
        String id = register("Lublin");

        Outcome listed = rename(id, "\"7\", \"0\"", "Lublin NGO");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.etag()).isEqualTo("\"1\"");
        assertThat(rename(id, "*", "Koalicja Lublin").status()).isEqualTo(200);
        assertThat(rename(id, null, "Koalicja lubelska").status()).isEqualTo(200);
        assertThat(name(id)).isEqualTo("Koalicja lubelska");
    }

    @Test
    void an_etag_this_api_never_issued_is_a_412_and_a_malformed_header_a_400() {
        String id = register("Białystok");

        assertThat(rename(id, "\"abc\"", "x").status()).isEqualTo(412);
        Outcome malformed = rename(id, "0", "x");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().toString()).contains("If-Match");
        assertThat(name(id)).isEqualTo("Białystok");
    }

    private record Outcome(int status, String etag, Map<?, ?> body) {}

    private String register(String name) {
        return client().post()
                .uri("/api/v1/clubs")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"" + name + "\"}")
                .retrieve()
                .body(Map.class)
                .get("id")
                .toString();
    }

    private Outcome rename(String id, String ifMatch, String name) {
        RestClient.RequestBodySpec request = client().put()
                .uri("/api/v1/clubs/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        var entity = request.body("{\"name\": \"" + name + "\"}")
                .retrieve()
                .onStatus(status -> true, (req, res) -> {})
                .toEntity(Map.class);
        return new Outcome(entity.getStatusCode().value(), entity.getHeaders().getETag(), entity.getBody());
    }

    private String name(String id) {
        return client().get()
                .uri("/api/v1/clubs/{id}", id)
                .retrieve()
                .body(Map.class)
                .get("name")
                .toString();
    }

    private RestClient client() {
        return RestClient.create("http://localhost:" + port);
    }
}
