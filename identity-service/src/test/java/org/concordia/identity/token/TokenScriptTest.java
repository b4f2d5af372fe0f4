package org.concordia.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.concordia.contracts.organization.PersonRegistered;
import org.concordia.identity.support.IntegrationTest;
import org.concordia.identity.support.OrganizationFeed;
import org.junit.jupiter.api.Test;

/** The command the README gives for a person's token ({@code bin/token}, curl only) works against the service. */
class TokenScriptTest extends IntegrationTest {

    @Test
    void the_documented_command_gets_a_persons_token() throws Exception {
        String organization = OrganizationFeed.newId();
        PersonRegistered person =
                OrganizationFeed.person(OrganizationFeed.newId(), "script." + organization + "@example.org");
        try (OrganizationFeed feed = new OrganizationFeed()) {
            feed.publish(OrganizationFeed.joined(OrganizationFeed.newId(), organization, person, "member"));
            awaitLogin(feed, person);
        }

        ProcessBuilder command = new ProcessBuilder("bash", "bin/token", person.email()).redirectErrorStream(true);
        command.environment().put("ISSUER", ISSUER);
        command.environment().put("REDIRECT_URI", CONSOLE_CALLBACK);
        Process process = command.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = read(process);
        assertThat(process.exitValue()).as(output).isZero();

        Map<String, Object> response = JSONObjectUtils.parse(output.strip());
        assertThat(verify((String) response.get("access_token")).getClaimAsString("person_id"))
                .isEqualTo(person.personId());
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
