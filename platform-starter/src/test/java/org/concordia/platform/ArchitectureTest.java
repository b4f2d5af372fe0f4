package org.concordia.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.concordia.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Services' domain models build on these, so they must not drag a framework into the domain. */
    @ArchTest
    static final ArchRule the_shared_domain_is_plain_java = classes()
            .that()
            .resideInAPackage("org.concordia.platform.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.jspecify..", "org.concordia.platform.domain..");

    /** Consumers and the relay meet only through Kafka and MongoDB, never through each other's classes. */
    @ArchTest
    static final ArchRule outbox_and_inbox_are_independent = noClasses()
            .that()
            .resideInAPackage("org.concordia.platform.outbox..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.concordia.platform.inbox..");

    /** The envelope is shared by both sides and knows neither. */
    @ArchTest
    static final ArchRule envelope_knows_neither_side = noClasses()
            .that()
            .resideInAPackage("org.concordia.platform.envelope..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.concordia.platform.outbox..", "org.concordia.platform.inbox..");
}
