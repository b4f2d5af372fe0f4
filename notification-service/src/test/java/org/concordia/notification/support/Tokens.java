package org.concordia.notification.support;

import org.concordia.testing.security.TestIssuer;

/** Bearer tokens of the test issuer for the callers the tests act as. */
public final class Tokens {

    private Tokens() {}

    /** A person with no role in any organization: enough for their own inbox and preferences. */
    public static String person(String personId) {
        return TestIssuer.get().person(personId).sign();
    }

    /** A person coordinating each of the organizations. */
    public static String coordinator(String personId, String... organizationIds) {
        TestIssuer.Token token = TestIssuer.get().person(personId);
        for (String organizationId : organizationIds) {
            token.member(organizationId, "coordinator");
        }
        return token.sign();
    }

    /** A person running the platform, with no role in any organization. */
    public static String operator() {
        return TestIssuer.get().person("operator-on-duty").operator().sign();
    }
}
