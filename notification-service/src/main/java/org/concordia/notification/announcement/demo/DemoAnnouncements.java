package org.concordia.notification.announcement.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.concordia.notification.announcement.Directory;
import org.concordia.notification.announcement.Draft;
import org.concordia.notification.announcement.Writing;
import org.concordia.notification.announcement.model.Target;
import org.concordia.notification.announcement.model.Text;
import org.springframework.stereotype.Component;

/**
 * The seeds' three announcements: the ALLATRA coordination centre tells all its representations of the next
 * international coordination meeting (bg, pl, en); RAO "Trakia" tells its member municipalities (its partners by
 * network membership) and its own members of a councillors' seminar (bg); Stowarzyszenie Solidarności Globalnej tells the project's partners
 * that the good-practice publication is out (pl, en). Ids are fixed, so loading twice, or on two instances, writes
 * each once.
 */
@Component
class DemoAnnouncements {

    private final Writing writing;
    private final Directory directory;

    DemoAnnouncements(Writing writing, Directory directory) {
        this.writing = writing;
        this.directory = directory;
    }

    private record Demo(String key, String organization, String author, List<Text> texts, List<Target> targets) {}

    private static final List<Demo> DEMOS = List.of(
            new Demo(
                    "allatra-coordination-meeting",
                    "allatra-centre",
                    "daniel-carter",
                    List.of(
                            new Text(
                                    "bg",
                                    "Следваща международна координационна среща",
                                    "Скъпи представители,\n\nследващата **международна координационна среща** на"
                                            + " движението ще се проведе онлайн. Молим всяко представителство да"
                                            + " изпрати кратък отчет за дейността си и предложения за дневния ред."),
                            new Text(
                                    "pl",
                                    "Następne międzynarodowe spotkanie koordynacyjne",
                                    "Drodzy przedstawiciele,\n\nnastępne **międzynarodowe spotkanie koordynacyjne**"
                                            + " ruchu odbędzie się online. Prosimy każde przedstawicielstwo o krótkie"
                                            + " sprawozdanie z działalności i propozycje do porządku obrad."),
                            new Text(
                                    "en",
                                    "Next international coordination meeting",
                                    "Dear representatives,\n\nthe movement's next **international coordination"
                                            + " meeting** takes place online. Please send a short report of your"
                                            + " representation's work and proposals for the agenda.")),
                    List.of(new Target(
                            Target.Kind.ORGANIZATION_NETWORK,
                            organizationId("allatra-centre"),
                            null,
                            null,
                            List.of("representative", "coordinator")))),
            new Demo(
                    "trakia-councillors-seminar",
                    "trakia",
                    "maria-ivanova",
                    List.of(new Text(
                            "bg",
                            "Семинар за общински съветници",
                            "Уважаеми колеги,\n\nРАО „Тракия“ организира **семинар за общински съветници** по"
                                    + " устойчиво местно развитие. Програмата и формулярът за участие ще бъдат"
                                    + " изпратени до всички общини членки.")),
                    // the member municipalities are the association's partners (network membership), not its chapters
                    List.of(
                            new Target(
                                    Target.Kind.ORGANIZATION_PARTNERS, organizationId("trakia"), null, null, List.of()),
                            new Target(
                                    Target.Kind.ORGANIZATION_MEMBERS,
                                    organizationId("trakia"),
                                    null,
                                    null,
                                    List.of()))),
            new Demo(
                    "global-solidarity-publication",
                    "global-solidarity",
                    "anna-kowalska",
                    List.of(
                            new Text(
                                    "pl",
                                    "Publikacja dobrych praktyk jest gotowa",
                                    "Drodzy partnerzy,\n\n**publikacja dobrych praktyk** projektu integracji"
                                            + " Lublin–Białystok jest już dostępna. Dziękujemy za wszystkie wkłady."),
                            new Text(
                                    "en",
                                    "The good-practice publication is out",
                                    "Dear partners,\n\nthe **good-practice publication** of the Lublin–Białystok"
                                            + " integration project is out. Thank you for all your contributions.")),
                    List.of(new Target(
                            Target.Kind.PROJECT_PARTNERS,
                            null,
                            id("project:lublin-bialystok-integration"),
                            null,
                            List.of()))));

    /**
     * Whether the read model knows what the demo announcements need: organizations, authors, the project, Trakia's
     * partnerships with its municipalities.
     */
    boolean ready() {
        for (Demo demo : DEMOS) {
            String organization = organizationId(demo.organization());
            if (directory.organization(organization).isEmpty()
                    || !directory.coordinates(personId(demo.author()), List.of(organization))) {
                return false;
            }
        }
        return directory.projectLead(id("project:lublin-bialystok-integration")).isPresent()
                && !directory.partners(organizationId("trakia")).isEmpty();
    }

    /** @return how many were written now */
    int load() {
        int written = 0;
        for (Demo demo : DEMOS) {
            // written before, by this instance or another, it is answered as it was
            if (writing.write(
                            id("announcement:" + demo.key()),
                            organizationId(demo.organization()),
                            new Draft(personId(demo.author()), demo.texts(), demo.targets(), null, "UTC"))
                    .isNew()) {
                written++;
            }
        }
        return written;
    }

    private static String organizationId(String key) {
        return id(key);
    }

    private static String personId(String key) {
        return id("person:" + key);
    }

    /** The seeds' ids, derived as organization-service and project-service derive them. */
    private static String id(String key) {
        return UUID.nameUUIDFromBytes(("concordia-demo:" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
