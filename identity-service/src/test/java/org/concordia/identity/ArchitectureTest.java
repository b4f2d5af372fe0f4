package org.concordia.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The directory is a read model that knows nothing of logins or tokens; logins know nothing of the protocol; only
 * persistence packages and the stores named in their javadoc touch MongoDB.
 */
@AnalyzeClasses(packages = "org.concordia.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_directory_knows_only_organization_events = noClasses()
            .that()
            .resideInAPackage("..identity.directory..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..identity.login..",
                    "..identity.token..",
                    "..identity.key..",
                    "..identity.signin..",
                    "..identity.demo..");

    @ArchTest
    static final ArchRule logins_know_nothing_of_the_protocol = noClasses()
            .that()
            .resideInAPackage("..identity.login..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..identity.token..",
                    "..identity.key..",
                    "..identity.signin..",
                    "org.springframework.security.oauth2..");

    @ArchTest
    static final ArchRule the_web_does_not_reach_into_persistence = noClasses()
            .that()
            .resideInAPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..persistence..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.data.mongodb.core.MongoTemplate");
}
