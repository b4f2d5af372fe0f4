package org.concordia.meeting;

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
import java.util.List;
import org.concordia.platform.outbox.AggregateStore;
import org.concordia.platform.security.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The layering of event-service: rules in plain Java, web and persistence on either side of the use cases, and the
 * read models knowing nothing of meetings.
 */
@AnalyzeClasses(packages = "org.concordia.meeting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule models_are_plain_java = classes()
            .that()
            .resideInAnyPackage("..meeting.model..", "..registration.model..", "..timezone.model..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "org.jspecify..",
                    "org.concordia.contracts..",
                    "org.concordia.platform.domain..",
                    "net.fortuna.ical4j.model..",
                    "net.fortuna.ical4j.transform.recurrence..",
                    "org.concordia.meeting.meeting.model..",
                    "org.concordia.meeting.registration.model..",
                    "org.concordia.meeting.timezone.model..")
            .because("meeting rules are tested without Spring, MongoDB or Jackson; ical4j only expands RRULEs");

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
    static final ArchRule the_directory_knows_nothing_of_meetings = noClasses()
            .that()
            .resideInAPackage("org.concordia.meeting.directory..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.concordia.meeting.meeting..",
                    "org.concordia.meeting.registration..",
                    "org.concordia.meeting.calendar..",
                    "org.concordia.meeting.timezone..",
                    "org.concordia.meeting.demo..");

    @ArchTest
    static final ArchRule meetings_do_not_depend_on_registrations_or_calendars = noClasses()
            .that()
            .resideInAPackage("org.concordia.meeting.meeting..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.concordia.meeting.registration..",
                    "org.concordia.meeting.calendar..",
                    "org.concordia.meeting.timezone..",
                    "org.concordia.meeting.demo..")
            .because("registrations, calendars and time-zone views build on meetings, not the other way round");

    private static final DescribedPredicate<JavaMethod> WRITES = DescribedPredicate.describe(
            "map a POST, PUT, PATCH or DELETE",
            method -> List.of(PostMapping.class, PutMapping.class, PatchMapping.class, DeleteMapping.class).stream()
                    .anyMatch(method::isAnnotatedWith));

    private static final ArchCondition<JavaMethod> TAKE_THE_CALLER =
            new ArchCondition<>("take the Caller, to ask AccessRules") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean takes =
                            method.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(Caller.class));
                    events.add(new SimpleConditionEvent(
                            method, takes, method.getFullName() + (takes ? " takes" : " does not take") + " a Caller"));
                }
            };

    @ArchTest
    static final ArchRule every_write_endpoint_takes_the_caller = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(RestController.class)
            .and(WRITES)
            .should(TAKE_THE_CALLER)
            .because("every change is decided by AccessRules for the caller of the request");
}
