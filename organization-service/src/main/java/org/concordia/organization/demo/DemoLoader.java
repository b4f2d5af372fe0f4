package org.concordia.organization.demo;

import org.concordia.organization.membership.MembershipRegistry;
import org.concordia.organization.organization.OrganizationRegistry;
import org.concordia.organization.partnership.PartnershipRegistry;
import org.concordia.organization.person.PersonRegistry;
import org.concordia.platform.application.Created;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads the demo directory through the same use cases the API calls, under fixed ids: whatever exists already is
 * left alone, so loading twice, or on several instances at once, creates and publishes everything exactly once.
 */
@Component
public class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    /** What one load created; zero everywhere when the demo data was there already. */
    public record Loaded(int organizations, int people, int memberships, int partnerships) {

        public int total() {
            return organizations + people + memberships + partnerships;
        }
    }

    private final OrganizationRegistry organizations;
    private final PersonRegistry people;
    private final MembershipRegistry memberships;
    private final PartnershipRegistry partnerships;

    public DemoLoader(
            OrganizationRegistry organizations,
            PersonRegistry people,
            MembershipRegistry memberships,
            PartnershipRegistry partnerships) {
        this.organizations = organizations;
        this.people = people;
        this.memberships = memberships;
        this.partnerships = partnerships;
    }

    public Loaded load() {
        int organizationCount = 0, personCount = 0, membershipCount = 0, partnershipCount = 0;
        for (DemoData.DemoOrganization organization : DemoData.ORGANIZATIONS) {
            String parentId =
                    organization.parentKey() == null ? null : DemoIds.organizationId(organization.parentKey());
            organizationCount += count(organizations.register(
                    DemoIds.organizationId(organization.key()), organization.details(), parentId));
        }
        for (DemoData.DemoPerson person : DemoData.PEOPLE) {
            personCount += count(people.register(DemoIds.personId(person.key()), person.details()));
        }
        for (DemoData.DemoMembership membership : DemoData.MEMBERSHIPS) {
            membershipCount += count(memberships.join(
                    DemoIds.membershipId(membership.personKey(), membership.organizationKey()),
                    DemoIds.organizationId(membership.organizationKey()),
                    DemoIds.personId(membership.personKey()),
                    membership.roles(),
                    membership.from(),
                    membership.until()));
        }
        for (DemoData.DemoPartnership partnership : DemoData.PARTNERSHIPS) {
            partnershipCount += count(partnerships.form(
                    DemoIds.partnershipId(
                            partnership.organizationKey(),
                            partnership.partnerKey(),
                            partnership.kind().code()),
                    DemoIds.organizationId(partnership.organizationKey()),
                    DemoIds.organizationId(partnership.partnerKey()),
                    partnership.kind(),
                    partnership.since(),
                    partnership.until()));
        }
        Loaded loaded = new Loaded(organizationCount, personCount, membershipCount, partnershipCount);
        log.info(
                "Demo data: {} organizations, {} people, {} memberships, {} partnerships created ({} of {} existed)",
                loaded.organizations(),
                loaded.people(),
                loaded.memberships(),
                loaded.partnerships(),
                size() - loaded.total(),
                size());
        return loaded;
    }

    /** How many aggregates the demo data consists of. */
    public static int size() {
        return DemoData.ORGANIZATIONS.size()
                + DemoData.PEOPLE.size()
                + DemoData.MEMBERSHIPS.size()
                + DemoData.PARTNERSHIPS.size();
    }

    private static int count(Created<?> created) {
        return created.isNew() ? 1 : 0;
    }
}
