package org.concordia.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.concordia.organization.ServiceTest;
import org.concordia.testing.security.TestIssuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;

/**
 * Every class of bad input on every endpoint gets a 4xx Problem Details naming the field at fault, and changes
 * nothing: no document is stored or changed, and nothing is published.
 *
 * <p>Placeholders in paths and bodies: {@code {org}} an active organization, {@code {archived}} an archived one,
 * {@code {other}} a second active organization, {@code {person}} and {@code {email}} a registered person and their
 * address, {@code {membership}} the person's membership of {@code {org}}, {@code {partnership}} a running partnership
 * of {@code {org}} and {@code {other}} since 2024-01-01. The fixtures are created once; every case refuses to change
 * them, so the cases run in any order.
 *
 * <p>Every case is sent by a caller whom the access rules let through (an operator who is also the fixture person and
 * a coordinator of the three fixture organizations), so what refuses it is the input, never the rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends ServiceTest {

    private static final String ORG = "/api/v1/organizations";
    private static final String VALID_ORG =
            "\"name\": \"Koalicja\", \"kind\": \"ngo\", \"country\": \"PL\", \"city\": \"Lublin\", \"languages\": [\"pl\"]";
    private static final String VALID_PERSON =
            "\"fullName\": \"Anna\", \"preferredLanguage\": \"pl\", \"timeZone\": \"Europe/Warsaw\"";
    private static final String LONG_201 = "x".repeat(201);
    private static final String LONG_ID = "i".repeat(65);

    private final Map<String, String> fixtures = new LinkedHashMap<>();
    /** collection and id of each fixture, with the version it must keep */
    private final Map<String, Long> fixtureVersions = new LinkedHashMap<>();

    @BeforeAll
    void fixtures() {
        Response org = registerOrganization("Bad input " + unique(), "PL", null);
        Response other = registerOrganization("Bad input partner " + unique(), "CZ", null);
        Response archived = registerOrganization("Bad input archived " + unique(), "PL", null);
        as(coordinatorOf(archived.id())).post(ORG + "/" + archived.id() + "/archive", null);
        Response person = registerPerson("Bad Input", "bad.input." + unique() + "@example.org");
        Response membership = join(org.id(), person.id(), "[\"member\"]");
        Response partnership = formPartnership(org.id(), other.id(), "project_partnership");
        fixtures.put("{org}", org.id());
        fixtures.put("{other}", other.id());
        fixtures.put("{archived}", archived.id());
        fixtures.put("{person}", person.id());
        fixtures.put("{email}", (String) person.get("email"));
        fixtures.put("{membership}", membership.id());
        fixtures.put("{partnership}", partnership.id());
        for (String key : List.of("{org}", "{other}", "{archived}", "{person}", "{membership}", "{partnership}")) {
            String id = fixtures.get(key);
            int events = key.equals("{archived}") ? 2 : 1;
            assertThat(eventsOf(id, events)).hasSize(events);
        }
        fixtureVersions.put("organizations/" + org.id(), 0L);
        fixtureVersions.put("organizations/" + other.id(), 0L);
        fixtureVersions.put("organizations/" + archived.id(), 1L);
        fixtureVersions.put("people/" + person.id(), 0L);
        fixtureVersions.put("memberships/" + membership.id(), 0L);
        fixtureVersions.put("partnerships/" + partnership.id(), 0L);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // --- POST /organizations
                bad("malformed JSON", "POST", ORG, "{\"name\": ", 400, null),
                bad("empty body", "POST", ORG, "", 400, null),
                bad(
                        "name of the wrong type",
                        "POST",
                        ORG,
                        "{" + VALID_ORG.replace("\"Koalicja\"", "{\"pl\": \"Koalicja\"}") + "}",
                        400,
                        "name"),
                bad("a number for a text", "POST", ORG, "{" + VALID_ORG.replace("\"PL\"", "48") + "}", 400, "country"),
                bad(
                        "languages not an array",
                        "POST",
                        ORG,
                        "{" + VALID_ORG.replace("[\"pl\"]", "\"pl\"") + "}",
                        400,
                        "languages"),
                bad(
                        "missing name",
                        "POST",
                        ORG,
                        "{" + VALID_ORG.replace("\"name\": \"Koalicja\", ", "") + "}",
                        400,
                        "name"),
                bad("blank city", "POST", ORG, "{" + VALID_ORG.replace("\"Lublin\"", "\"  \"") + "}", 400, "city"),
                bad("missing kind", "POST", ORG, "{" + VALID_ORG.replace("\"kind\": \"ngo\", ", "") + "}", 400, "kind"),
                bad("unknown field", "POST", ORG, "{" + VALID_ORG + ", \"colour\": \"blue\"}", 400, "colour"),
                bad("unknown kind", "POST", ORG, "{" + VALID_ORG.replace("\"ngo\"", "\"church\"") + "}", 400, "kind"),
                bad(
                        "kind by its Java name",
                        "POST",
                        ORG,
                        "{" + VALID_ORG.replace("\"ngo\"", "\"NGO\"") + "}",
                        400,
                        "kind"),
                bad("kind by index", "POST", ORG, "{" + VALID_ORG.replace("\"ngo\"", "3") + "}", 400, "kind"),
                bad("unknown country", "POST", ORG, "{" + VALID_ORG.replace("\"PL\"", "\"XX\"") + "}", 400, "country"),
                bad("alpha-3 country", "POST", ORG, "{" + VALID_ORG.replace("\"PL\"", "\"POL\"") + "}", 400, "country"),
                bad(
                        "unknown language",
                        "POST",
                        ORG,
                        "{" + VALID_ORG.replace("[\"pl\"]", "[\"pl\", \"english\"]") + "}",
                        400,
                        "languages[1]"),
                bad(
                        "malformed language tag",
                        "POST",
                        ORG,
                        "{" + VALID_ORG.replace("[\"pl\"]", "[\"pl-@@\"]") + "}",
                        400,
                        "languages[0]"),
                bad("no languages", "POST", ORG, "{" + VALID_ORG.replace("[\"pl\"]", "[]") + "}", 400, "languages"),
                bad(
                        "too many languages",
                        "POST",
                        ORG,
                        "{" + VALID_ORG.replace("[\"pl\"]", "[" + "\"pl\",".repeat(20) + "\"en\"]") + "}",
                        400,
                        "languages"),
                bad(
                        "over-long name",
                        "POST",
                        ORG,
                        "{" + VALID_ORG.replace("\"Koalicja\"", "\"" + LONG_201 + "\"") + "}",
                        400,
                        "name"),
                bad(
                        "over-long description",
                        "POST",
                        ORG,
                        "{" + VALID_ORG + ", \"description\": \"" + "x".repeat(4001) + "\"}",
                        400,
                        "description"),
                bad(
                        "website not http",
                        "POST",
                        ORG,
                        "{" + VALID_ORG + ", \"website\": \"ftp://example.org\"}",
                        400,
                        "website"),
                bad(
                        "unknown parent",
                        "POST",
                        ORG,
                        "{" + VALID_ORG + ", \"parentId\": \"no-such-id\"}",
                        422,
                        "parentId"),
                bad(
                        "archived parent",
                        "POST",
                        ORG,
                        "{" + VALID_ORG + ", \"parentId\": \"{archived}\"}",
                        422,
                        "parentId"),
                bad(
                        "malformed idempotency key",
                        "POST",
                        ORG,
                        "{" + VALID_ORG + "}",
                        400,
                        null,
                        "Idempotency-Key",
                        "not a key!"),
                // --- PUT, PATCH, archive an organization
                bad("PUT malformed JSON", "PUT", ORG + "/{org}", "{", 400, null),
                bad(
                        "PUT unknown country",
                        "PUT",
                        ORG + "/{org}",
                        "{" + VALID_ORG.replace("\"PL\"", "\"QQ\"") + "}",
                        400,
                        "country"),
                bad(
                        "PUT unknown kind",
                        "PUT",
                        ORG + "/{org}",
                        "{" + VALID_ORG.replace("\"ngo\"", "\"club\"") + "}",
                        400,
                        "kind"),
                bad(
                        "PUT itself as parent",
                        "PUT",
                        ORG + "/{org}",
                        "{" + VALID_ORG + ", \"parentId\": \"{org}\"}",
                        422,
                        "parentId"),
                bad("PUT unknown organization", "PUT", ORG + "/no-such-id", "{" + VALID_ORG + "}", 404, null),
                bad("PUT stale If-Match", "PUT", ORG + "/{org}", "{" + VALID_ORG + "}", 412, null, "If-Match", "\"7\""),
                bad(
                        "PUT malformed If-Match",
                        "PUT",
                        ORG + "/{org}",
                        "{" + VALID_ORG + "}",
                        400,
                        null,
                        "If-Match",
                        "yesterday"),
                bad("PUT archived organization", "PUT", ORG + "/{archived}", "{" + VALID_ORG + "}", 422, null),
                bad("PATCH wrong type", "PATCH", ORG + "/{org}", "{\"languages\": {\"pl\": true}}", 400, "languages"),
                bad("PATCH blank name", "PATCH", ORG + "/{org}", "{\"name\": \"   \"}", 400, "name"),
                bad("PATCH no languages", "PATCH", ORG + "/{org}", "{\"languages\": []}", 400, "languages"),
                bad("PATCH unknown field", "PATCH", ORG + "/{org}", "{\"members\": 12}", 400, "members"),
                bad(
                        "PATCH invalid zone of a website",
                        "PATCH",
                        ORG + "/{org}",
                        "{\"website\": \"not a url\"}",
                        400,
                        "website"),
                bad("PATCH unknown organization", "PATCH", ORG + "/no-such-id", "{\"city\": \"Lublin\"}", 404, null),
                bad("archive unknown organization", "POST", ORG + "/no-such-id/archive", null, 404, null),
                bad(
                        "archive with stale If-Match",
                        "POST",
                        ORG + "/{org}/archive",
                        null,
                        412,
                        null,
                        "If-Match",
                        "\"5\""),
                // --- reading organizations
                bad("unknown kind filter", "GET", ORG + "?kind=church", null, 400, "kind"),
                bad("unknown country filter", "GET", ORG + "?country=XX", null, 400, "country"),
                bad("page size over 100", "GET", ORG + "?size=101", null, 400, "size"),
                bad("negative page", "GET", ORG + "?page=-1", null, 400, "page"),
                bad("page size not a number", "GET", ORG + "?size=ten", null, 400, "size"),
                bad("get unknown organization", "GET", ORG + "/no-such-id", null, 404, null),
                bad("chapters of unknown organization", "GET", ORG + "/no-such-id/chapters", null, 404, null),
                bad("ancestors of unknown organization", "GET", ORG + "/no-such-id/ancestors", null, 404, null),
                // --- people
                bad("person malformed JSON", "POST", "/api/v1/people", "{\"fullName\": \"Anna\",", 400, null),
                bad("person missing email", "POST", "/api/v1/people", "{" + VALID_PERSON + "}", 400, "email"),
                bad(
                        "person malformed email",
                        "POST",
                        "/api/v1/people",
                        "{" + VALID_PERSON + ", \"email\": \"anna-at-example.org\"}",
                        400,
                        "email"),
                bad(
                        "person email without domain dot",
                        "POST",
                        "/api/v1/people",
                        "{" + VALID_PERSON + ", \"email\": \"anna@localhost\"}",
                        400,
                        "email"),
                bad(
                        "person email of the wrong type",
                        "POST",
                        "/api/v1/people",
                        "{" + VALID_PERSON + ", \"email\": true}",
                        400,
                        "email"),
                bad(
                        "person unknown language",
                        "POST",
                        "/api/v1/people",
                        "{" + VALID_PERSON.replace("\"pl\"", "\"xx\"") + ", \"email\": \"a@example.org\"}",
                        400,
                        "preferredLanguage"),
                bad(
                        "person unknown zone",
                        "POST",
                        "/api/v1/people",
                        "{" + VALID_PERSON.replace("Europe/Warsaw", "Mars/Olympus_Mons")
                                + ", \"email\": \"a@example.org\"}",
                        400,
                        "timeZone"),
                bad(
                        "person offset instead of zone",
                        "POST",
                        "/api/v1/people",
                        "{" + VALID_PERSON.replace("Europe/Warsaw", "+02:00") + ", \"email\": \"a@example.org\"}",
                        400,
                        "timeZone"),
                bad(
                        "person over-long name",
                        "POST",
                        "/api/v1/people",
                        "{" + VALID_PERSON.replace("\"Anna\"", "\"" + LONG_201 + "\"")
                                + ", \"email\": \"a@example.org\"}",
                        400,
                        "fullName"),
                bad(
                        "person unknown field",
                        "POST",
                        "/api/v1/people",
                        "{" + VALID_PERSON + ", \"email\": \"a@example.org\", \"phone\": \"+48\"}",
                        400,
                        "phone"),
                bad(
                        "person duplicate email in other case",
                        "POST",
                        "/api/v1/people",
                        "{" + VALID_PERSON + ", \"email\": \"{EMAIL}\"}",
                        409,
                        "email"),
                bad(
                        "person PUT unknown zone",
                        "PUT",
                        "/api/v1/people/{person}",
                        "{" + VALID_PERSON.replace("Europe/Warsaw", "Europe/Lublin") + ", \"email\": \"{email}\"}",
                        400,
                        "timeZone"),
                bad(
                        "person PUT unknown id",
                        "PUT",
                        "/api/v1/people/no-such-id",
                        "{" + VALID_PERSON + ", \"email\": \"a@example.org\"}",
                        404,
                        null),
                bad("person list size 0", "GET", "/api/v1/people?size=0", null, 400, "size"),
                bad("get unknown person", "GET", "/api/v1/people/no-such-id", null, 404, null),
                bad("memberships of unknown person", "GET", "/api/v1/people/no-such-id/memberships", null, 404, null),
                // --- memberships
                bad("join malformed JSON", "POST", ORG + "/{org}/members", "{\"personId\"", 400, null),
                bad(
                        "join unknown role",
                        "POST",
                        ORG + "/{other}/members",
                        "{\"personId\": \"{person}\", \"roles\": [\"chair\"]}",
                        400,
                        "roles[0]"),
                bad(
                        "join no roles",
                        "POST",
                        ORG + "/{other}/members",
                        "{\"personId\": \"{person}\", \"roles\": []}",
                        400,
                        "roles"),
                bad(
                        "join roles missing",
                        "POST",
                        ORG + "/{other}/members",
                        "{\"personId\": \"{person}\"}",
                        400,
                        "roles"),
                bad(
                        "join roles not an array",
                        "POST",
                        ORG + "/{other}/members",
                        "{\"personId\": \"{person}\", \"roles\": \"member\"}",
                        400,
                        "roles"),
                bad(
                        "join null role",
                        "POST",
                        ORG + "/{other}/members",
                        "{\"personId\": \"{person}\", \"roles\": [null]}",
                        400,
                        "roles[0]"),
                bad(
                        "join unknown field",
                        "POST",
                        ORG + "/{other}/members",
                        "{\"personId\": \"{person}\", \"roles\": [\"member\"], \"since\": \"2020-01-01\"}",
                        400,
                        "since"),
                bad(
                        "join invalid date",
                        "POST",
                        ORG + "/{other}/members",
                        "{\"personId\": \"{person}\", \"roles\": [\"member\"], \"validFrom\": \"2025-13-01\"}",
                        400,
                        "validFrom"),
                bad(
                        "join date as a number",
                        "POST",
                        ORG + "/{other}/members",
                        "{\"personId\": \"{person}\", \"roles\": [\"member\"], \"validFrom\": 20250101}",
                        400,
                        "validFrom"),
                bad(
                        "join mandate ends before it begins",
                        "POST",
                        ORG + "/{other}/members",
                        "{\"personId\": \"{person}\", \"roles\": [\"member\"], \"validFrom\": \"2025-06-01\", \"validUntil\": \"2025-05-31\"}",
                        422,
                        "validUntil"),
                bad(
                        "join unknown person",
                        "POST",
                        ORG + "/{other}/members",
                        "{\"personId\": \"no-such-id\", \"roles\": [\"member\"]}",
                        422,
                        "personId"),
                bad(
                        "join unknown organization",
                        "POST",
                        ORG + "/no-such-id/members",
                        "{\"personId\": \"{person}\", \"roles\": [\"member\"]}",
                        404,
                        null),
                bad(
                        "join archived organization",
                        "POST",
                        ORG + "/{archived}/members",
                        "{\"personId\": \"{person}\", \"roles\": [\"member\"]}",
                        422,
                        "organizationId"),
                bad(
                        "join twice",
                        "POST",
                        ORG + "/{org}/members",
                        "{\"personId\": \"{person}\", \"roles\": [\"coordinator\"]}",
                        409,
                        "personId"),
                bad("members by unknown role", "GET", ORG + "/{org}/members?role=chair", null, 400, "role"),
                bad("members of unknown organization", "GET", ORG + "/no-such-id/members", null, 404, null),
                bad("roles malformed JSON", "PATCH", "/api/v1/memberships/{membership}", "{\"roles\": [", 400, null),
                bad(
                        "roles unknown role",
                        "PATCH",
                        "/api/v1/memberships/{membership}",
                        "{\"roles\": [\"member\", \"boss\"]}",
                        400,
                        "roles[1]"),
                bad("roles empty", "PATCH", "/api/v1/memberships/{membership}", "{\"roles\": []}", 400, "roles"),
                bad(
                        "roles stale If-Match",
                        "PATCH",
                        "/api/v1/memberships/{membership}",
                        "{\"roles\": [\"coordinator\"]}",
                        412,
                        null,
                        "If-Match",
                        "\"3\""),
                bad(
                        "roles of unknown membership",
                        "PATCH",
                        "/api/v1/memberships/no-such-id",
                        "{\"roles\": [\"member\"]}",
                        404,
                        null),
                bad("leave unknown membership", "POST", "/api/v1/memberships/no-such-id/leave", null, 404, null),
                bad("get unknown membership", "GET", "/api/v1/memberships/no-such-id", null, 404, null),
                // --- partnerships
                bad("partnership malformed JSON", "POST", "/api/v1/partnerships", "[", 400, null),
                bad(
                        "partnership unknown kind",
                        "POST",
                        "/api/v1/partnerships",
                        "{\"organizationId\": \"{org}\", \"partnerOrganizationId\": \"{other}\", \"kind\": \"friendship\", \"since\": \"2024-01-01\"}",
                        400,
                        "kind"),
                bad(
                        "partnership missing since",
                        "POST",
                        "/api/v1/partnerships",
                        "{\"organizationId\": \"{org}\", \"partnerOrganizationId\": \"{other}\", \"kind\": \"twinning\"}",
                        400,
                        "since"),
                bad(
                        "partnership since not a date",
                        "POST",
                        "/api/v1/partnerships",
                        "{\"organizationId\": \"{org}\", \"partnerOrganizationId\": \"{other}\", \"kind\": \"twinning\", \"since\": \"yesterday\"}",
                        400,
                        "since"),
                bad(
                        "partnership unknown field",
                        "POST",
                        "/api/v1/partnerships",
                        "{\"organizationId\": \"{org}\", \"partnerOrganizationId\": \"{other}\", \"kind\": \"twinning\", \"since\": \"2024-01-01\", \"budget\": 5}",
                        400,
                        "budget"),
                bad(
                        "partnership with itself",
                        "POST",
                        "/api/v1/partnerships",
                        "{\"organizationId\": \"{org}\", \"partnerOrganizationId\": \"{org}\", \"kind\": \"twinning\", \"since\": \"2024-01-01\"}",
                        422,
                        "partnerOrganizationId"),
                bad(
                        "partnership unknown partner",
                        "POST",
                        "/api/v1/partnerships",
                        "{\"organizationId\": \"{org}\", \"partnerOrganizationId\": \"no-such-id\", \"kind\": \"twinning\", \"since\": \"2024-01-01\"}",
                        422,
                        "partnerOrganizationId"),
                bad(
                        "partnership unknown organization",
                        "POST",
                        "/api/v1/partnerships",
                        "{\"organizationId\": \"no-such-id\", \"partnerOrganizationId\": \"{org}\", \"kind\": \"twinning\", \"since\": \"2024-01-01\"}",
                        422,
                        "organizationId"),
                bad(
                        "partnership with an archived one",
                        "POST",
                        "/api/v1/partnerships",
                        "{\"organizationId\": \"{org}\", \"partnerOrganizationId\": \"{archived}\", \"kind\": \"twinning\", \"since\": \"2024-01-01\"}",
                        422,
                        "partnerOrganizationId"),
                bad(
                        "partnership ends before it begins",
                        "POST",
                        "/api/v1/partnerships",
                        "{\"organizationId\": \"{org}\", \"partnerOrganizationId\": \"{other}\", \"kind\": \"twinning\", \"since\": \"2024-01-01\", \"until\": \"2023-12-31\"}",
                        422,
                        "until"),
                bad(
                        "partnership already running",
                        "POST",
                        "/api/v1/partnerships",
                        "{\"organizationId\": \"{other}\", \"partnerOrganizationId\": \"{org}\", \"kind\": \"project_partnership\", \"since\": \"2025-01-01\"}",
                        409,
                        "partnerOrganizationId"),
                bad(
                        "end before it began",
                        "POST",
                        "/api/v1/partnerships/{partnership}/end",
                        "{\"endedOn\": \"2023-12-31\"}",
                        422,
                        "endedOn"),
                bad(
                        "end date of the wrong type",
                        "POST",
                        "/api/v1/partnerships/{partnership}/end",
                        "{\"endedOn\": [2025, 1, 1]}",
                        400,
                        "endedOn"),
                bad(
                        "end unknown field",
                        "POST",
                        "/api/v1/partnerships/{partnership}/end",
                        "{\"reason\": \"over\"}",
                        400,
                        "reason"),
                bad(
                        "end stale If-Match",
                        "POST",
                        "/api/v1/partnerships/{partnership}/end",
                        null,
                        412,
                        null,
                        "If-Match",
                        "\"9\""),
                bad("end unknown partnership", "POST", "/api/v1/partnerships/no-such-id/end", null, 404, null),
                bad("get unknown partnership", "GET", "/api/v1/partnerships/no-such-id", null, 404, null),
                // --- size limits on every text and list a request carries
                bad("over-long organization id", "GET", ORG + "/" + LONG_ID, null, 400, "id"),
                bad("over-long organization id in a change", "PATCH", ORG + "/" + LONG_ID, "{}", 400, "id"),
                bad("over-long chapters id", "GET", ORG + "/" + LONG_ID + "/chapters", null, 400, "id"),
                bad("over-long members id", "GET", ORG + "/" + LONG_ID + "/members", null, 400, "organizationId"),
                bad(
                        "over-long organization id to join",
                        "POST",
                        ORG + "/" + LONG_ID + "/members",
                        "{\"personId\": \"{person}\", \"roles\": [\"member\"]}",
                        400,
                        "organizationId"),
                bad("over-long person id", "GET", "/api/v1/people/" + LONG_ID, null, 400, "id"),
                bad(
                        "over-long person id of memberships",
                        "GET",
                        "/api/v1/people/" + LONG_ID + "/memberships",
                        null,
                        400,
                        "personId"),
                bad("over-long membership id", "POST", "/api/v1/memberships/" + LONG_ID + "/leave", null, 400, "id"),
                bad("over-long partnership id", "POST", "/api/v1/partnerships/" + LONG_ID + "/end", null, 400, "id"),
                bad("over-long name filter", "GET", ORG + "?nameContains=" + LONG_201, null, 400, "nameContains"),
                bad("over-long parent filter", "GET", ORG + "?parentId=" + LONG_ID, null, 400, "parentId"),
                bad(
                        "over-long person name filter",
                        "GET",
                        "/api/v1/people?nameContains=" + LONG_201,
                        null,
                        400,
                        "nameContains"),
                bad(
                        "over-long short name",
                        "POST",
                        ORG,
                        "{" + VALID_ORG + ", \"shortName\": \"" + LONG_201 + "\"}",
                        400,
                        "shortName"),
                bad(
                        "over-long city",
                        "POST",
                        ORG,
                        "{" + VALID_ORG.replace("\"Lublin\"", "\"" + LONG_201 + "\"") + "}",
                        400,
                        "city"),
                bad(
                        "over-long website",
                        "POST",
                        ORG,
                        "{" + VALID_ORG + ", \"website\": \"https://example.org/" + "w".repeat(2100) + "\"}",
                        400,
                        "website"),
                bad(
                        "over-long language tag",
                        "POST",
                        ORG,
                        "{" + VALID_ORG.replace("[\"pl\"]", "[\"pl-" + "x".repeat(300) + "\"]") + "}",
                        400,
                        "languages[0]"),
                bad(
                        "over-long parent id",
                        "POST",
                        ORG,
                        "{" + VALID_ORG + ", \"parentId\": \"" + LONG_ID + "\"}",
                        400,
                        "parentId"),
                bad("PATCH over-long name", "PATCH", ORG + "/{org}", "{\"name\": \"" + LONG_201 + "\"}", 400, "name"),
                bad(
                        "person over-long email",
                        "POST",
                        "/api/v1/people",
                        "{" + VALID_PERSON + ", \"email\": \"" + "a".repeat(300) + "@example.org\"}",
                        400,
                        "email"),
                bad(
                        "person over-long zone",
                        "POST",
                        "/api/v1/people",
                        "{" + VALID_PERSON.replace("Europe/Warsaw", "Europe/" + "W".repeat(100))
                                + ", \"email\": \"a@example.org\"}",
                        400,
                        "timeZone"),
                bad(
                        "join over-long person id",
                        "POST",
                        ORG + "/{other}/members",
                        "{\"personId\": \"" + LONG_ID + "\", \"roles\": [\"member\"]}",
                        400,
                        "personId"),
                bad(
                        "join too many roles",
                        "POST",
                        ORG + "/{other}/members",
                        "{\"personId\": \"{person}\", \"roles\": [\"member\", \"member\", \"member\", \"member\", \"member\"]}",
                        400,
                        "roles"),
                bad(
                        "roles too many",
                        "PATCH",
                        "/api/v1/memberships/{membership}",
                        "{\"roles\": [\"member\", \"member\", \"member\", \"member\", \"member\"]}",
                        400,
                        "roles"),
                bad(
                        "partnership over-long organization id",
                        "POST",
                        "/api/v1/partnerships",
                        "{\"organizationId\": \"" + LONG_ID
                                + "\", \"partnerOrganizationId\": \"{other}\", \"kind\": \"twinning\", \"since\": \"2024-01-01\"}",
                        400,
                        "organizationId"),
                bad(
                        "partnership over-long partner id",
                        "POST",
                        "/api/v1/partnerships",
                        "{\"organizationId\": \"{org}\", \"partnerOrganizationId\": \"" + LONG_ID
                                + "\", \"kind\": \"twinning\", \"since\": \"2024-01-01\"}",
                        400,
                        "partnerOrganizationId"),
                bad("partnerships of unknown organization", "GET", ORG + "/no-such-id/partnerships", null, 404, null));
    }

    private static Arguments bad(
            String name, String method, String path, String body, int status, String field, String... headers) {
        return Arguments.of(name, method, path, body, status, field, headers);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void is_refused_with_a_problem_naming_the_field_and_changes_nothing(
            String name, String method, String path, String body, int status, String field, String[] headers) {
        Map<String, Long> before = counts();
        int published = allEventsPublished().size();

        Response response =
                as(allowedCaller()).exchange(HttpMethod.valueOf(method), resolve(path), resolve(body), headers);

        assertThat(response.status()).as(name + ": " + response).isEqualTo(status);
        assertThat(response.headers().getContentType()).as(name).hasToString("application/problem+json");
        assertThat(response.body()).as(name).containsEntry("status", status).containsKeys("title", "detail");
        if (field != null) {
            assertThat(response.errorFields()).as(name + ": " + response).containsOnly(field);
        }
        assertThat(response.body().toString()).as(name).doesNotContain("Exception", "at org.");
        assertThat(counts()).as(name + ": nothing stored").isEqualTo(before);
        fixtureVersions.forEach((resource, version) -> assertThat(versionOf(resource))
                .as(name + ": " + resource + " unchanged")
                .isEqualTo(version));
        assertThat(allEventsPublished()).as(name + ": nothing published").hasSize(published);
    }

    private String allowedCaller() {
        return TestIssuer.get()
                .person(fixtures.get("{person}"))
                .member(fixtures.get("{org}"), "coordinator")
                .member(fixtures.get("{other}"), "coordinator")
                .member(fixtures.get("{archived}"), "coordinator")
                .operator()
                .sign();
    }

    private long versionOf(String resource) {
        String[] parts = resource.split("/");
        Document document = mongo.getCollection(parts[0])
                .find(new Document("_id", parts[1]))
                .first();
        return ((Number) document.get("version")).longValue();
    }

    private String resolve(String text) {
        if (text == null) {
            return null;
        }
        String resolved = text.replace("{EMAIL}", fixtures.get("{email}").toUpperCase());
        for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
            resolved = resolved.replace(fixture.getKey(), fixture.getValue());
        }
        return resolved;
    }
}
