package org.concordia.project.support;

import java.util.UUID;
import org.concordia.platform.security.Caller;
import org.concordia.testing.security.TestIssuer;

/** Bearer tokens of the test issuer for the people and clients the tests act as, each a new person. */
public final class Tokens {

    private Tokens() {}

    /** A person who coordinates each of these organizations. */
    public static String coordinatorOf(String... organizationIds) {
        return withRole(Caller.COORDINATOR, organizationIds);
    }

    /** A person who is a plain member of each of these organizations. */
    public static String memberOf(String... organizationIds) {
        return withRole(Caller.MEMBER, organizationIds);
    }

    /** A person who runs the platform and belongs to no organization. */
    public static String operator() {
        return TestIssuer.get().person(newPerson()).operator().sign();
    }

    /** A client acting for itself (client credentials), with no person behind it. */
    public static String client() {
        return TestIssuer.get().client("tooling-" + UUID.randomUUID()).sign();
    }

    private static String withRole(String role, String... organizationIds) {
        TestIssuer.Token token = TestIssuer.get().person(newPerson());
        for (String organizationId : organizationIds) {
            token.member(organizationId, role);
        }
        return token.sign();
    }

    private static String newPerson() {
        return "person-" + UUID.randomUUID();
    }
}
