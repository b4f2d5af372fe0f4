package org.concordia.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.mongodb.client.MongoCollection;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.concordia.platform.security.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The layering of notification-service: the rule table and preferences in plain Java, the web and persistence on
 * either side of the use cases, and the recipients' read model knowing nothing of notifications.
 */
@AnalyzeClasses(packages = "org.concordia.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_models_are_plain_java = classes()
            .that()
            .resideInAnyPackage("..notice.model..", "..preference.model..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "org.jspecify..",
                    "org.concordia.contracts..",
                    "org.concordia.platform.domain..",
                    "org.concordia.notification.recipient",
                    "org.concordia.notification.notice.model..",
                    "org.concordia.notification.preference.model..")
            .because("who is told what, and what a person wants, are tested without Spring or MongoDB");

    @ArchTest
    static final ArchRule the_announcement_model_is_plain_java = classes()
            .that()
            .resideInAPackage("..announcement.model..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "org.jspecify..",
                    "org.concordia.contracts..",
                    "org.concordia.platform.domain..",
                    "org.concordia.notification.announcement.model..",
                    "org.commonmark..",
                    "org.owasp.html..")
            .because("what an announcement may say and when it goes out are tested without Spring or MongoDB");

    @ArchTest
    static final ArchRule the_web_does_not_reach_into_persistence = noClasses()
            .that()
            .resideInAPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..persistence..");

    @ArchTest
    static final ArchRule persistence_knows_no_web = noClasses()
            .that()
            .resideInAPackage("..persistence..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..web..");

    @ArchTest
    static final ArchRule only_persistence_talks_to_mongodb = noClasses()
            .that()
            .resideOutsideOfPackage("..persistence..")
            .should()
            .dependOnClassesThat()
            .areAssignableTo(MongoTemplate.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(MongoCollection.class)
            .because("the use cases see ports; the collections and their _id design live behind them");

    @ArchTest
    static final ArchRule the_recipients_read_model_knows_nothing_of_notifications = noClasses()
            .that()
            .resideInAPackage("org.concordia.notification.recipient..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.concordia.notification.notice..",
                    "org.concordia.notification.inbox..",
                    "org.concordia.notification.delivery..",
                    "org.concordia.notification.webhook..",
                    "org.concordia.notification.preference..",
                    "org.concordia.notification.reminder..");

    @ArchTest
    static final ArchRule inbox_and_preferences_know_no_channels = noClasses()
            .that()
            .resideInAnyPackage("org.concordia.notification.inbox..", "org.concordia.notification.preference..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.concordia.notification.delivery..", "org.concordia.notification.webhook..");

    /** The one endpoint that needs no bearer token: the one-click unsubscribe link carries its own. */
    private static final String OPEN = "unsubscribe";

    @ArchTest
    static final ArchRule every_endpoint_asks_the_access_rules = methods()
            .that(new DescribedPredicate<JavaMethod>("answer a request") {
                @Override
                public boolean test(JavaMethod method) {
                    return List.of(
                                    GetMapping.class,
                                    PostMapping.class,
                                    PutMapping.class,
                                    DeleteMapping.class,
                                    PatchMapping.class,
                                    RequestMapping.class)
                            .stream()
                            .anyMatch(method::isAnnotatedWith);
                }
            })
            .and()
            .doNotHaveName(OPEN)
            .should(new ArchCondition<JavaMethod>("take the Caller, whom the access rules judge") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean takesCaller =
                            method.getRawParameterTypes().stream().anyMatch(type -> type.isEquivalentTo(Caller.class));
                    events.add(
                            new SimpleConditionEvent(method, takesCaller, method.getFullName() + " takes no Caller"));
                }
            })
            .because("the rules live in AccessRules and every endpoint but the unsubscribe link asks them");
}
