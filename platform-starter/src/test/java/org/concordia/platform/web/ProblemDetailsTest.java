package org.concordia.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.ResponseSpec;

/** The conventions every service inherits, tested once over HTTP on a minimal API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class ProblemDetailsTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    record Response(int status, Map<String, Object> body, HttpHeaders headers) {}

    @Test
    void malformed_json_is_a_400_problem_and_stores_nothing() {
        long before = mongo.getCollection("clubs").countDocuments();
        Response response = post("{\"name\": ", null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body())
                .containsEntry("title", "Malformed request body")
                .containsEntry("status", 400);
        assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mongo.getCollection("clubs").countDocuments()).isEqualTo(before);
    }

    @Test
    void an_unknown_field_is_named() {
        Response response = post("{\"name\": \"Trakia\", \"colour\": \"blue\"}", null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(errors(response)).containsExactly(Map.of("field", "colour", "message", "unknown field"));
    }

    @Test
    void a_wrong_type_is_named() {
        Response response = post("{\"name\": [\"Trakia\"]}", null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(errors(response)).extracting(e -> e.get("field")).containsExactly("name");
    }

    @Test
    void a_number_is_not_silently_read_as_a_name() {
        Response response = post("{\"name\": 42}", null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(errors(response)).extracting(e -> e.get("field")).containsExactly("name");
    }

    @Test
    void a_date_is_read_only_from_iso_text() {
        assertThat(postProfile("{\"founded\": \"2019-11-21\"}").body()).containsEntry("founded", "2019-11-21");
        for (String founded : List.of("[2019, 11, 21]", "18221", "\"21.11.2019\"")) {
            Response response = postProfile("{\"founded\": " + founded + "}");
            assertThat(response.status()).as(founded).isEqualTo(400);
            assertThat(errors(response)).extracting(e -> e.get("field")).containsExactly("founded");
        }
    }

    @Test
    void a_time_is_read_only_from_iso_text_with_its_offset() {
        assertThat(postProfile("{\"meetsAt\": \"2026-03-29T10:00:00+03:00\"}").status())
                .isEqualTo(200);
        for (String meetsAt : List.of("1774767600", "1774767600.5", "[2026, 3, 29, 10, 0]", "\"29.03.2026 10:00\"")) {
            Response response = postProfile("{\"meetsAt\": " + meetsAt + "}");
            assertThat(response.status()).as(meetsAt).isEqualTo(400);
            assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(errors(response)).extracting(e -> e.get("field")).containsExactly("meetsAt");
        }
    }

    @Test
    void a_coded_enumeration_is_read_by_its_code_only() {
        assertThat(postProfile("{\"kind\": \"chess_club\"}").body()).containsEntry("kind", "chess_club");
        for (String kind : List.of("\"CHESS_CLUB\"", "1")) {
            Response response = postProfile("{\"kind\": " + kind + "}");
            assertThat(response.status()).as(kind).isEqualTo(400);
            assertThat(errors(response)).extracting(e -> e.get("field")).containsExactly("kind");
        }
    }

    @Test
    void a_query_parameter_is_read_by_its_code_and_an_unknown_one_is_named() {
        Response known = exchange(client().get()
                .uri("/api/v1/clubs/profiles?kind={kind}", "chess_club")
                .retrieve());
        assertThat(known.body()).containsEntry("kind", "chess_club");
        Response unknown = exchange(client().get()
                .uri("/api/v1/clubs/profiles?kind={kind}", "chess")
                .retrieve());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(errors(unknown)).extracting(e -> e.get("field")).containsExactly("kind");
    }

    @Test
    void a_boolean_is_not_an_amount() {
        Response response = postProfile("{\"fee\": true}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(errors(response)).extracting(e -> e.get("field")).containsExactly("fee");
        assertThat(errors(response)).extracting(e -> e.get("message")).containsExactly("must be a number");
    }

    @Test
    void a_country_is_an_iso_code_in_any_case() {
        assertThat(postProfile("{\"country\": \"bg\"}").status()).isEqualTo(200);
        Response response = postProfile("{\"country\": \"XX\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(errors(response))
                .containsExactly(Map.of(
                        "field", "country", "message", "must be an ISO 3166-1 alpha-2 country code such as BG or PL"));
    }

    @Test
    void every_invalid_field_is_listed() {
        Response response = post("{\"name\": \" \", \"city\": \"" + "x".repeat(101) + "\"}", null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(errors(response)).extracting(e -> e.get("field")).containsExactly("city", "name");
        assertThat(response.body().get("detail").toString()).contains("name:").contains("city:");
    }

    @Test
    void an_unknown_id_is_a_404_problem() {
        Response response =
                exchange(client().get().uri("/api/v1/clubs/{id}", "nope").retrieve());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("detail").toString()).contains("nope");
    }

    @Test
    void a_retried_create_with_the_same_idempotency_key_creates_once() {
        Response first = post("{\"name\": \"Stowarzyszenie Globalna Solidarność\", \"city\": \"Lublin\"}", "retry-1");
        Response retry = post("{\"name\": \"Stowarzyszenie Globalna Solidarność\", \"city\": \"Lublin\"}", "retry-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().get("id")).isEqualTo(first.body().get("id"));
        assertThat(mongo.getCollection("clubs")
                        .countDocuments(new org.bson.Document("name", "Stowarzyszenie Globalna Solidarność")))
                .isEqualTo(1);
    }

    @Test
    void a_write_with_a_stale_etag_is_a_412_and_changes_nothing() {
        Response created = post("{\"name\": \"Katowice\"}", null);
        String id = created.body().get("id").toString();
        String etag = created.headers().getETag();
        Response renamed = exchange(client().put()
                .uri("/api/v1/clubs/{id}", id)
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"Miasto Katowice\"}")
                .retrieve());
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.headers().getETag()).isEqualTo("\"1\"");

        Response stale = exchange(client().put()
                .uri("/api/v1/clubs/{id}", id)
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"Katowice again\"}")
                .retrieve());
        assertThat(stale.status()).isEqualTo(412);
        Response current = exchange(client().get().uri("/api/v1/clubs/{id}", id).retrieve());
        assertThat(current.body()).containsEntry("name", "Miasto Katowice");
    }

    @Test
    void a_malformed_idempotency_key_is_a_400() {
        Response response = post("{\"name\": \"Trakia\"}", "not a key!");
        assertThat(response.status()).isEqualTo(400);
        assertThat(errors(response)).extracting(e -> e.get("field")).containsExactly("Idempotency-Key");
        assertThat(mongo.getCollection("clubs").countDocuments(new org.bson.Document("name", "Trakia")))
                .isZero();
    }

    private Response post(String json, String idempotencyKey) {
        var request = client().post().uri("/api/v1/clubs").contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header(IdempotencyKeys.HEADER, idempotencyKey);
        }
        return exchange(request.body(json).retrieve());
    }

    private Response postProfile(String json) {
        return exchange(client().post()
                .uri("/api/v1/clubs/profiles")
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Response response) {
        return (List<Map<String, Object>>) response.body().get("errors");
    }

    private RestClient client() {
        return RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    @SuppressWarnings("unchecked")
    private static Response exchange(ResponseSpec spec) {
        var entity = spec.onStatus(status -> true, (request, response) -> {}).toEntity(Map.class);
        return new Response(entity.getStatusCode().value(), entity.getBody(), entity.getHeaders());
    }
}
