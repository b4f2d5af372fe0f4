package org.concordia.organization.demo;

import static org.concordia.organization.demo.DemoIds.ALLATRA_CENTRE;
import static org.concordia.organization.demo.DemoIds.BIALYSTOK_NGO_COALITION;
import static org.concordia.organization.demo.DemoIds.GLOBAL_SOLIDARITY;
import static org.concordia.organization.demo.DemoIds.GPM;
import static org.concordia.organization.demo.DemoIds.KATOWICE;
import static org.concordia.organization.demo.DemoIds.LUBLIN_NGO_COALITION;
import static org.concordia.organization.demo.DemoIds.PARTNER_AT;
import static org.concordia.organization.demo.DemoIds.PARTNER_CZ;
import static org.concordia.organization.demo.DemoIds.PARTNER_ES;
import static org.concordia.organization.demo.DemoIds.PARTNER_PT;
import static org.concordia.organization.demo.DemoIds.TRAKIA;
import static org.concordia.organization.membership.model.Role.COORDINATOR;
import static org.concordia.organization.membership.model.Role.MEMBER;
import static org.concordia.organization.membership.model.Role.PARTNER_CONTACT;
import static org.concordia.organization.membership.model.Role.REPRESENTATIVE;
import static org.concordia.organization.organization.model.OrganizationKind.ASSOCIATION_OF_MUNICIPALITIES;
import static org.concordia.organization.organization.model.OrganizationKind.CITY_NETWORK;
import static org.concordia.organization.organization.model.OrganizationKind.COORDINATION_CENTRE;
import static org.concordia.organization.organization.model.OrganizationKind.MUNICIPALITY;
import static org.concordia.organization.organization.model.OrganizationKind.NGO;
import static org.concordia.organization.organization.model.OrganizationKind.REPRESENTATION;
import static org.concordia.organization.partnership.model.PartnershipKind.NETWORK_MEMBERSHIP;
import static org.concordia.organization.partnership.model.PartnershipKind.PROJECT_PARTNERSHIP;

import java.time.LocalDate;
import java.util.List;
import org.concordia.organization.membership.model.Role;
import org.concordia.organization.organization.model.OrganizationDetails;
import org.concordia.organization.organization.model.OrganizationKind;
import org.concordia.organization.partnership.model.PartnershipKind;
import org.concordia.organization.person.model.PersonDetails;

/**
 * The demo directory, from the four seed documents: the ALLATRA coordination centre with representations on six
 * continents, the Regional Association of Municipalities “Trakia” with member municipalities, the Global Solidarity
 * Association's Lublin–Białystok integration project with its partners in Portugal, Spain, Austria and Czechia, and
 * the Global Parliament of Mayors with the City of Katowice. The seeds' organizations carry the names the seeds write;
 * the people, the project partners abroad and Trakia's member municipalities are illustrative, and every e-mail
 * address is under a reserved {@code .example} domain.
 */
final class DemoData {

    record DemoOrganization(String key, String parentKey, OrganizationDetails details) {}

    record DemoPerson(String key, PersonDetails details) {}

    record DemoMembership(
            String personKey, String organizationKey, List<Role> roles, LocalDate from, LocalDate until) {}

    record DemoPartnership(
            String organizationKey, String partnerKey, PartnershipKind kind, LocalDate since, LocalDate until) {}

    private DemoData() {}

    /** Parents before their chapters. */
    static final List<DemoOrganization> ORGANIZATIONS = List.of(
            organization(
                    ALLATRA_CENTRE,
                    null,
                    "Координационен Център на Международното обществено движение «АЛЛАТРА»",
                    "КЦ «АЛЛАТРА»",
                    COORDINATION_CENTRE,
                    "US",
                    "Atlanta",
                    "https://allatra.org",
                    List.of("en", "bg", "ru", "pl", "es"),
                    "Централен орган, отговарящ за поддръжката, съгласуването и регулирането на общонародната дейност"
                            + " на движение «АЛЛАТРА». Главният офис на движението се намира в САЩ."),
            organization(
                    "allatra-bg",
                    ALLATRA_CENTRE,
                    "Международно обществено движение «АЛЛАТРА» — представителство в България",
                    "АЛЛАТРА България",
                    REPRESENTATION,
                    "BG",
                    "София",
                    null,
                    List.of("bg", "en"),
                    "Координация на участниците и инициативите на движението в България."),
            organization(
                    "allatra-bg-plovdiv",
                    "allatra-bg",
                    "Международно обществено движение «АЛЛАТРА» — група Пловдив",
                    null,
                    REPRESENTATION,
                    "BG",
                    "Пловдив",
                    null,
                    List.of("bg"),
                    null),
            organization(
                    "allatra-pl",
                    ALLATRA_CENTRE,
                    "Międzynarodowy Ruch Społeczny «ALLATRA» — przedstawicielstwo w Polsce",
                    "ALLATRA Polska",
                    REPRESENTATION,
                    "PL",
                    "Warszawa",
                    null,
                    List.of("pl", "en"),
                    null),
            organization(
                    "allatra-au",
                    ALLATRA_CENTRE,
                    "ALLATRA International Public Movement — Australia",
                    "ALLATRA Australia",
                    REPRESENTATION,
                    "AU",
                    "Sydney",
                    null,
                    List.of("en"),
                    null),
            organization(
                    "allatra-br",
                    ALLATRA_CENTRE,
                    "Movimento Social Internacional «ALLATRA» — Brasil",
                    "ALLATRA Brasil",
                    REPRESENTATION,
                    "BR",
                    "São Paulo",
                    null,
                    List.of("pt-BR", "en"),
                    null),
            organization(
                    "allatra-ke",
                    ALLATRA_CENTRE,
                    "ALLATRA International Public Movement — Kenya",
                    "ALLATRA Kenya",
                    REPRESENTATION,
                    "KE",
                    "Nairobi",
                    null,
                    List.of("en", "sw"),
                    null),
            organization(
                    "allatra-in",
                    ALLATRA_CENTRE,
                    "ALLATRA International Public Movement — India",
                    "ALLATRA India",
                    REPRESENTATION,
                    "IN",
                    "New Delhi",
                    null,
                    List.of("en", "hi"),
                    null),
            organization(
                    TRAKIA,
                    null,
                    "Регионална Асоциация на Общини “Тракия”",
                    "РАО “Тракия”",
                    ASSOCIATION_OF_MUNICIPALITIES,
                    "BG",
                    "Пловдив",
                    null,
                    List.of("bg", "en"),
                    "Представителство и защита на интересите на членовете си пред централната власт и нейните"
                            + " регионални структури; сътрудничество и посредничество между общините за устойчиво"
                            + " развитие и силно, насочено към гражданите местно самоуправление."),
            organization(
                    "trakia-plovdiv",
                    null,
                    "Община Пловдив",
                    null,
                    MUNICIPALITY,
                    "BG",
                    "Пловдив",
                    null,
                    List.of("bg", "en"),
                    null),
            organization(
                    "trakia-stara-zagora",
                    null,
                    "Община Стара Загора",
                    null,
                    MUNICIPALITY,
                    "BG",
                    "Стара Загора",
                    null,
                    List.of("bg"),
                    null),
            organization(
                    "trakia-haskovo",
                    null,
                    "Община Хасково",
                    null,
                    MUNICIPALITY,
                    "BG",
                    "Хасково",
                    null,
                    List.of("bg"),
                    null),
            organization(
                    "trakia-asenovgrad",
                    null,
                    "Община Асеновград",
                    null,
                    MUNICIPALITY,
                    "BG",
                    "Асеновград",
                    null,
                    List.of("bg"),
                    null),
            organization(
                    GLOBAL_SOLIDARITY,
                    null,
                    "Stowarzyszenie Solidarności Globalnej",
                    null,
                    NGO,
                    "PL",
                    "Lublin",
                    null,
                    List.of("pl", "en"),
                    "Niesienie pomocy osobom będącym w potrzebie poprzez działalność misyjną, rozwojową, edukacyjną i"
                            + " humanitarną. Lider projektu „Współpraca międzynarodowa jako metoda budowania lokalnego"
                            + " potencjału integracyjnego polskich miast (Lublina i Białegostoku)”."),
            organization(
                    LUBLIN_NGO_COALITION,
                    null,
                    "Koalicja lubelskich organizacji pozarządowych",
                    null,
                    NGO,
                    "PL",
                    "Lublin",
                    null,
                    List.of("pl"),
                    "Organizacje pozarządowe z Lublina działające na rzecz integracji obywateli państw trzecich."),
            organization(
                    BIALYSTOK_NGO_COALITION,
                    null,
                    "Koalicja białostockich organizacji pozarządowych",
                    null,
                    NGO,
                    "PL",
                    "Białystok",
                    null,
                    List.of("pl"),
                    "Organizacje pozarządowe z Białegostoku działające na rzecz integracji obywateli państw trzecich."),
            organization(
                    PARTNER_PT,
                    null,
                    "Associação Porto Acolhe",
                    null,
                    NGO,
                    "PT",
                    "Porto",
                    null,
                    List.of("pt", "en"),
                    "Acolhimento e integração de migrantes na Área Metropolitana do Porto."),
            organization(
                    PARTNER_ES,
                    null,
                    "Fundació Catalunya Acull",
                    null,
                    NGO,
                    "ES",
                    "Barcelona",
                    null,
                    List.of("ca", "es", "en"),
                    "Acollida i integració de persones nouvingudes a Catalunya."),
            organization(
                    PARTNER_AT,
                    null,
                    "Verein Wiener Integrationsnetz",
                    null,
                    NGO,
                    "AT",
                    "Wien",
                    null,
                    List.of("de", "en"),
                    "Beratung und Integrationsbegleitung für Zugewanderte in Wien."),
            organization(
                    PARTNER_CZ,
                    null,
                    "Integrační centrum Brno, z. ú.",
                    null,
                    NGO,
                    "CZ",
                    "Brno",
                    null,
                    List.of("cs", "en"),
                    "Poradenství a integrační programy pro cizince v Jihomoravském kraji."),
            organization(
                    GPM,
                    null,
                    "Global Parliament of Mayors",
                    "GPM",
                    CITY_NETWORK,
                    "NL",
                    "Den Haag",
                    null,
                    List.of("en"),
                    "Founded by and for mayors in The Hague in September 2016 to take on the world's greatest"
                            + " challenges as seen from cities and metropolitan areas."),
            organization(
                    KATOWICE,
                    null,
                    "Miasto Katowice",
                    null,
                    MUNICIPALITY,
                    "PL",
                    "Katowice",
                    "https://www.katowice.eu",
                    List.of("pl", "en"),
                    null));

    static final List<DemoPerson> PEOPLE = List.of(
            person("daniel-carter", "Daniel Carter", "daniel.carter@allatra.example", "en", "America/New_York"),
            person("georgi-petrov", "Георги Петров", "g.petrov@allatra-bg.example", "bg", "Europe/Sofia"),
            person(
                    "tomasz-lewandowski",
                    "Tomasz Lewandowski",
                    "t.lewandowski@allatra-pl.example",
                    "pl",
                    "Europe/Warsaw"),
            person(
                    "olivia-bennett",
                    "Olivia Bennett",
                    "olivia.bennett@allatra-au.example",
                    "en-AU",
                    "Australia/Sydney"),
            person("lucas-almeida", "Lucas Almeida", "lucas.almeida@allatra-br.example", "pt-BR", "America/Sao_Paulo"),
            person("wanjiru-kamau", "Wanjiru Kamau", "w.kamau@allatra-ke.example", "en", "Africa/Nairobi"),
            person("priya-sharma", "Priya Sharma", "priya.sharma@allatra-in.example", "en-IN", "Asia/Kolkata"),
            person("maria-ivanova", "Мария Иванова", "m.ivanova@raotrakia.example", "bg", "Europe/Sofia"),
            person("elena-dimitrova", "Елена Димитрова", "e.dimitrova@plovdiv.example", "bg", "Europe/Sofia"),
            person("anna-kowalska", "Anna Kowalska", "a.kowalska@solidarnosc-globalna.example", "pl", "Europe/Warsaw"),
            person(
                    "magdalena-zielinska",
                    "Magdalena Zielińska",
                    "m.zielinska@lublin-ngo.example",
                    "pl",
                    "Europe/Warsaw"),
            person("piotr-nowak", "Piotr Nowak", "p.nowak@bialystok-ngo.example", "pl", "Europe/Warsaw"),
            person("joana-ferreira", "Joana Ferreira", "joana.ferreira@portoacolhe.example", "pt", "Europe/Lisbon"),
            person("jordi-puig", "Jordi Puig i Serra", "jordi.puig@catalunyaacull.example", "ca", "Europe/Madrid"),
            person("lena-huber", "Lena Huber", "lena.huber@integrationsnetz.example", "de", "Europe/Vienna"),
            person("tereza-dvorakova", "Tereza Dvořáková", "tereza.dvorakova@icbrno.example", "cs", "Europe/Prague"),
            person(
                    "pieter-de-vries",
                    "Pieter de Vries",
                    "p.devries@globalparliamentofmayors.example",
                    "nl",
                    "Europe/Amsterdam"),
            person(
                    "katarzyna-wisniewska",
                    "Katarzyna Wiśniewska",
                    "k.wisniewska@katowice.example",
                    "pl",
                    "Europe/Warsaw"));

    static final List<DemoMembership> MEMBERSHIPS = List.of(
            membership("daniel-carter", ALLATRA_CENTRE, List.of(COORDINATOR), null, null),
            membership("georgi-petrov", "allatra-bg", List.of(COORDINATOR, REPRESENTATIVE), null, null),
            membership("georgi-petrov", ALLATRA_CENTRE, List.of(MEMBER), null, null),
            membership("elena-dimitrova", "allatra-bg-plovdiv", List.of(MEMBER), null, null),
            membership("tomasz-lewandowski", "allatra-pl", List.of(REPRESENTATIVE), null, null),
            membership("olivia-bennett", "allatra-au", List.of(REPRESENTATIVE), null, null),
            membership("lucas-almeida", "allatra-br", List.of(REPRESENTATIVE), null, null),
            membership("wanjiru-kamau", "allatra-ke", List.of(REPRESENTATIVE), null, null),
            membership("priya-sharma", "allatra-in", List.of(REPRESENTATIVE), null, null),
            membership(
                    "maria-ivanova",
                    TRAKIA,
                    List.of(COORDINATOR, PARTNER_CONTACT),
                    LocalDate.of(2024, 1, 1),
                    LocalDate.of(2027, 12, 31)),
            membership("elena-dimitrova", "trakia-plovdiv", List.of(REPRESENTATIVE), null, null),
            membership("elena-dimitrova", TRAKIA, List.of(MEMBER), null, null),
            membership("anna-kowalska", GLOBAL_SOLIDARITY, List.of(COORDINATOR), null, null),
            membership("magdalena-zielinska", LUBLIN_NGO_COALITION, List.of(COORDINATOR), null, null),
            membership("magdalena-zielinska", GLOBAL_SOLIDARITY, List.of(PARTNER_CONTACT), null, null),
            membership("piotr-nowak", BIALYSTOK_NGO_COALITION, List.of(COORDINATOR), null, null),
            membership("piotr-nowak", GLOBAL_SOLIDARITY, List.of(PARTNER_CONTACT), null, null),
            membership("joana-ferreira", PARTNER_PT, List.of(PARTNER_CONTACT), null, null),
            membership("jordi-puig", PARTNER_ES, List.of(PARTNER_CONTACT), null, null),
            membership("lena-huber", PARTNER_AT, List.of(PARTNER_CONTACT), null, null),
            membership("tereza-dvorakova", PARTNER_CZ, List.of(PARTNER_CONTACT), null, null),
            membership("pieter-de-vries", GPM, List.of(COORDINATOR), null, null),
            membership("katarzyna-wisniewska", KATOWICE, List.of(PARTNER_CONTACT, REPRESENTATIVE), null, null));

    private static final LocalDate PROJECT_START = LocalDate.of(2014, 1, 1);

    static final List<DemoPartnership> PARTNERSHIPS = List.of(
            // the City Council's resolution XIV/328/19 of 21 November 2019
            partnership(KATOWICE, GPM, NETWORK_MEMBERSHIP, LocalDate.of(2019, 11, 21), null),
            partnership(GLOBAL_SOLIDARITY, LUBLIN_NGO_COALITION, PROJECT_PARTNERSHIP, PROJECT_START, null),
            partnership(GLOBAL_SOLIDARITY, BIALYSTOK_NGO_COALITION, PROJECT_PARTNERSHIP, PROJECT_START, null),
            partnership(GLOBAL_SOLIDARITY, PARTNER_PT, PROJECT_PARTNERSHIP, PROJECT_START, null),
            partnership(GLOBAL_SOLIDARITY, PARTNER_ES, PROJECT_PARTNERSHIP, PROJECT_START, null),
            partnership(GLOBAL_SOLIDARITY, PARTNER_AT, PROJECT_PARTNERSHIP, PROJECT_START, null),
            partnership(GLOBAL_SOLIDARITY, PARTNER_CZ, PROJECT_PARTNERSHIP, PROJECT_START, null),
            partnership("trakia-plovdiv", TRAKIA, NETWORK_MEMBERSHIP, LocalDate.of(2001, 3, 1), null),
            partnership("trakia-stara-zagora", TRAKIA, NETWORK_MEMBERSHIP, LocalDate.of(2001, 3, 1), null),
            partnership("trakia-haskovo", TRAKIA, NETWORK_MEMBERSHIP, LocalDate.of(2001, 3, 1), null),
            partnership("trakia-asenovgrad", TRAKIA, NETWORK_MEMBERSHIP, LocalDate.of(2003, 6, 1), null));

    private static DemoOrganization organization(
            String key,
            String parentKey,
            String name,
            String shortName,
            OrganizationKind kind,
            String country,
            String city,
            String website,
            List<String> languages,
            String description) {
        return new DemoOrganization(
                key,
                parentKey,
                new OrganizationDetails(name, shortName, kind, country, city, website, languages, description));
    }

    private static DemoPerson person(String key, String fullName, String email, String language, String zone) {
        return new DemoPerson(key, new PersonDetails(fullName, email, language, zone));
    }

    private static DemoMembership membership(
            String personKey, String organizationKey, List<Role> roles, LocalDate from, LocalDate until) {
        return new DemoMembership(personKey, organizationKey, roles, from, until);
    }

    private static DemoPartnership partnership(
            String organizationKey, String partnerKey, PartnershipKind kind, LocalDate since, LocalDate until) {
        return new DemoPartnership(organizationKey, partnerKey, kind, since, until);
    }
}
