package org.concordia.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.concordia.testing.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The bounds every request meets before a service's code: control characters in texts, paths and query parameters,
 * text length, list size and body size, each a 4xx Problem Details that names the field and repeats nothing harmful.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithInfrastructure
class RequestLimitsTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_nul_character_in_a_json_text_is_a_400_naming_the_field() throws Exception {
        HttpResponse<String> response = post("/api/v1/clubs/profiles", "{\"motto\": \"a\\u0000b\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"field\":\"motto\"")
                .contains("must not contain control characters")
                .doesNotContain("\\u0000");
    }

    @Test
    void a_control_character_in_a_list_element_names_its_index() throws Exception {
        HttpResponse<String> response = post("/api/v1/clubs/profiles", "{\"tags\": [\"ok\", \"bell\\u0007\"]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"tags[1]\"");
    }

    @Test
    void tabs_and_line_breaks_are_text() throws Exception {
        HttpResponse<String> response = post("/api/v1/clubs/profiles", "{\"motto\": \"one\\ttwo\\r\\nthree\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("one\\ttwo\\r\\nthree");
    }

    @Test
    void a_write_with_a_control_character_changes_nothing() throws Exception {
        long before = mongo.getCollection("clubs").countDocuments();
        HttpResponse<String> response = post("/api/v1/clubs", "{\"name\": \"Trakia\\u001b[31m\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"name\"");
        assertThat(mongo.getCollection("clubs").countDocuments()).isEqualTo(before);
    }

    @Test
    void a_nul_character_in_a_query_parameter_is_a_400_naming_it() throws Exception {
        HttpResponse<String> response = get("/api/v1/clubs/profiles?kind=ngo%00");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"status\":400")
                .contains("\"errors\":[{\"field\":\"kind\",\"message\":\"must not contain control characters\"}]")
                .doesNotContain("properties")
                .doesNotContain("null");
    }

    @Test
    void a_control_character_in_the_path_is_a_400() throws Exception {
        HttpResponse<String> response = get("/api/v1/clubs/a%01b");
        assertThat(response.statusCode()).isEqualTo(400);
        HttpResponse<String> nul = get("/api/v1/clubs/a%00b");
        assertThat(nul.statusCode()).isEqualTo(400);
    }

    @Test
    void a_text_over_the_length_limit_is_a_400_naming_the_field() throws Exception {
        String motto = "m".repeat(100_001);
        HttpResponse<String> response = post("/api/v1/clubs/profiles", "{\"motto\": \"" + motto + "\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"field\":\"motto\"")
                .contains("at most 100000 characters")
                .doesNotContain("mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm");
    }

    @Test
    void a_list_over_the_size_limit_is_a_400_naming_the_field() throws Exception {
        String tags = String.join(",", Collections.nCopies(1_001, "\"t\""));
        HttpResponse<String> response = post("/api/v1/clubs/profiles", "{\"tags\": [" + tags + "]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"tags\"").contains("at most 1000 elements");
    }

    @Test
    void a_body_over_the_size_limit_is_a_413_with_or_without_its_length() throws Exception {
        byte[] body = ("{\"motto\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> announced = send(HttpRequest.newBuilder(uri("/api/v1/clubs/profiles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(announced.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("/api/v1/clubs/profiles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"status\":413");
    }

    @Test
    void a_parser_error_names_no_class_of_the_service() throws Exception {
        HttpResponse<String> response = post("/api/v1/clubs/profiles", "{\"tags\": {\"a\": 1}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .doesNotContain("java.")
                .doesNotContain("org.concordia")
                .doesNotContain("`");
        HttpResponse<String> founded = post("/api/v1/clubs/profiles", "{\"founded\": {\"year\": 1}}");
        assertThat(founded.statusCode()).isEqualTo(400);
        assertThat(founded.body())
                .doesNotContain("java.")
                .doesNotContain("org.concordia")
                .doesNotContain("`");
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
