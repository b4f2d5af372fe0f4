package org.concordia.organization.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The fixed ids of the demo data. Other services' demo data refers to the organizations by these ids, so the
 * derivation {@code UUID.nameUUIDFromBytes(("concordia-demo:" + key).getBytes(UTF_8))} and the keys below must not
 * change.
 */
public final class DemoIds {

    /** Координационен Център на Международното обществено движение «АЛЛАТРА» (head office in the USA). */
    public static final String ALLATRA_CENTRE = "allatra-centre";
    /** Регионална Асоциация на Общини “Тракия”, Plovdiv. */
    public static final String TRAKIA = "trakia";
    /** Stowarzyszenie Solidarności Globalnej, Lublin: lead of the Lublin–Białystok integration project. */
    public static final String GLOBAL_SOLIDARITY = "global-solidarity";

    public static final String LUBLIN_NGO_COALITION = "lublin-ngo-coalition";
    public static final String BIALYSTOK_NGO_COALITION = "bialystok-ngo-coalition";
    public static final String PARTNER_PT = "partner-pt";
    public static final String PARTNER_ES = "partner-es";
    public static final String PARTNER_AT = "partner-at";
    public static final String PARTNER_CZ = "partner-cz";
    /** Global Parliament of Mayors, founded in The Hague in September 2016. */
    public static final String GPM = "gpm";
    /** Miasto Katowice, member of the GPM since 2019-11-21. */
    public static final String KATOWICE = "katowice";

    private static final String PREFIX = "concordia-demo:";

    private DemoIds() {}

    /** The id of the demo organization with this key. */
    public static String organizationId(String key) {
        return uuid(PREFIX + key);
    }

    public static String personId(String key) {
        return uuid(PREFIX + "person:" + key);
    }

    public static String membershipId(String personKey, String organizationKey) {
        return uuid(PREFIX + "membership:" + personKey + "@" + organizationKey);
    }

    public static String partnershipId(String organizationKey, String partnerKey, String kind) {
        return uuid(PREFIX + "partnership:" + organizationKey + "+" + partnerKey + ":" + kind);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
