package org.concordia.platform.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.concordia.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class SecurityArchitectureTest {

    /** Spring Security is optional in the starter: nothing outside this package may need it. */
    @ArchTest
    static final ArchRule only_the_security_package_knows_spring_security = noClasses()
            .that()
            .resideOutsideOfPackage("org.concordia.platform.security..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.security..");

    /** The security support stands alone, so that it changes without touching the rest of the starter. */
    @ArchTest
    static final ArchRule security_depends_on_no_other_starter_package = noClasses()
            .that()
            .resideInAPackage("org.concordia.platform.security..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.concordia.platform.config..",
                    "org.concordia.platform.web..",
                    "org.concordia.platform.outbox..",
                    "org.concordia.platform.inbox..",
                    "org.concordia.platform.deadletter..",
                    "org.concordia.platform.envelope..",
                    "org.concordia.platform.observability..");
}
