package org.concordia.project;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.concordia.platform.outbox.AggregateStore;
import org.concordia.platform.security.Caller;
import org.concordia.project.access.AccessRules;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The layering of project-service: rules in plain Java, the web and persistence on either side of the use cases,
 * and the organization directory knowing nothing of projects.
 */
@AnalyzeClasses(packages = "org.concordia.project", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_is_plain_java = classes()
            .that()
            .resideInAPackage("..project.model..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "org.jspecify..",
                    "org.concordia.contracts..",
                    "org.concordia.platform.domain..",
                    "org.concordia.project.project.model..")
            .because("project rules are tested without Spring, MongoDB or Jackson");

    @ArchTest
    static final ArchRule the_web_does_not_reach_into_persistence = noClasses()
            .that()
            .resideInAPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..persistence..")
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(AggregateStore.class);

    @ArchTest
    static final ArchRule persistence_knows_no_web = noClasses()
            .that()
            .resideInAPackage("..persistence..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..web..");

    @ArchTest
    static final ArchRule only_persistence_writes_to_mongodb = noClasses()
            .that()
            .resideOutsideOfPackage("..persistence..")
            .should()
            .dependOnClassesThat()
            .areAssignableTo(AggregateStore.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(MongoTemplate.class)
            .because("aggregates are written with their events through the AggregateStore, behind a port");

    @ArchTest
    static final ArchRule the_directory_knows_nothing_of_projects = noClasses()
            .that()
            .resideInAPackage("org.concordia.project.directory..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.concordia.project.project..", "org.concordia.project.demo..");

    @ArchTest
    static final ArchRule projects_do_not_depend_on_the_demo = noClasses()
            .that()
            .resideInAnyPackage("org.concordia.project.project..", "org.concordia.project.directory..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.concordia.project.demo..");

    @ArchTest
    static final ArchRule every_write_takes_the_caller_for_the_access_rules = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(RestController.class)
            .and(DescribedPredicate.describe(
                    "map a change",
                    method -> method.isAnnotatedWith(PostMapping.class)
                            || method.isAnnotatedWith(PutMapping.class)
                            || method.isAnnotatedWith(PatchMapping.class)
                            || method.isAnnotatedWith(DeleteMapping.class)))
            .should(takeTheCaller())
            .because("every change is checked by AccessRules against the caller's roles");

    @ArchTest
    static final ArchRule controllers_consult_the_access_rules = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .areAssignableTo(AccessRules.class)
            .because("the rules are written in one place");

    private static ArchCondition<JavaMethod> takeTheCaller() {
        return new ArchCondition<>("take the Caller") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean takesCaller =
                        method.getRawParameterTypes().stream().anyMatch(type -> type.isEquivalentTo(Caller.class));
                events.add(new SimpleConditionEvent(
                        method,
                        takesCaller,
                        method.getFullName() + (takesCaller ? " takes" : " does not take") + " the Caller"));
            }
        };
    }
}
