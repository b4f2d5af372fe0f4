package org.concordia.organization;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.concordia.platform.security.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The layering, per feature ({@code organization}, {@code person}, {@code membership}, {@code partnership}):
 *
 * <ul>
 *   <li>{@code model}: the rules in plain Java. It may use the event contracts, the platform's domain package (exceptions,
 *       coded enumerations, standard codes) and other features' models; nothing of Spring, MongoDB, Jackson or Bean Validation.
 *   <li>the feature's own package: use cases (Spring services) over the model's ports.
 *   <li>{@code web}: controllers and request/response records; they call use cases, never persistence.
 *   <li>{@code persistence}: the Spring Data documents and the ports' MongoDB implementations, the only place that
 *       knows MongoDB. Aggregates are written only through {@code AggregateStore}, never by {@code MongoTemplate}.
 *   <li>{@code access}: the access rules; every endpoint that writes takes the {@code Caller} they judge.
 * </ul>
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.concordia.organization");
    }

    @Test
    void the_model_is_plain_java() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("..model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.mongodb..",
                        "org.bson..",
                        "tools.jackson..",
                        "com.fasterxml..",
                        "jakarta..",
                        "io.swagger..",
                        "..web..",
                        "..persistence..",
                        "..demo..")
                .because("domain rules must be readable and testable without any framework");
        rule.check(classes);
    }

    @Test
    void the_model_does_not_depend_on_use_cases() {
        noClasses()
                .that()
                .resideInAPackage("..model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.concordia.organization.organization",
                        "org.concordia.organization.person",
                        "org.concordia.organization.membership",
                        "org.concordia.organization.partnership",
                        "org.concordia.organization.common")
                .check(classes);
    }

    @Test
    void web_never_reaches_persistence_and_persistence_never_reaches_web() {
        noClasses()
                .that()
                .resideInAPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..persistence..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..web..")
                .check(classes);
    }

    @Test
    void only_persistence_knows_mongodb() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..", "org.bson..")
                .check(classes);
    }

    @Test
    void aggregates_are_written_only_through_the_aggregate_store() {
        Set<String> writes = Set.of(
                "save",
                "insert",
                "insertAll",
                "updateFirst",
                "updateMulti",
                "upsert",
                "findAndModify",
                "findAndReplace",
                "replace",
                "remove",
                "findAndRemove",
                "findAllAndRemove",
                "bulkOps");
        noClasses()
                .should()
                .callMethodWhere(new DescribedPredicate<JavaCall<?>>("a write through MongoTemplate") {
                    @Override
                    public boolean test(JavaCall<?> call) {
                        return call.getTargetOwner().isAssignableTo(MongoOperations.class)
                                && writes.contains(call.getName());
                    }
                })
                .because("a direct write would replace the document and lose its outbox (ADR 1)")
                .check(classes);
    }

    @Test
    void every_endpoint_that_writes_takes_the_caller_the_access_rules_judge() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(RestController.class)
                .and(new DescribedPredicate<JavaMethod>("map a POST, PUT, PATCH or DELETE") {
                    @Override
                    public boolean test(JavaMethod method) {
                        return method.isAnnotatedWith(PostMapping.class)
                                || method.isAnnotatedWith(PutMapping.class)
                                || method.isAnnotatedWith(PatchMapping.class)
                                || method.isAnnotatedWith(DeleteMapping.class);
                    }
                })
                .should(new ArchCondition<JavaMethod>("take a Caller") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        if (!method.getRawParameterTypes().stream()
                                .anyMatch(type -> type.isEquivalentTo(Caller.class))) {
                            events.add(SimpleConditionEvent.violated(
                                    method, method.getFullName() + " changes something without a Caller"));
                        }
                    }
                })
                .because("every change is checked by AccessRules against the caller's token")
                .check(classes);
    }

    @Test
    void controllers_live_in_web_packages() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .resideInAPackage("..web..")
                .check(classes);
    }
}
