package org.concordia.organization.person.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.concordia.organization.access.AccessRules;
import org.concordia.organization.common.web.Tags;
import org.concordia.organization.person.PersonRegistry;
import org.concordia.organization.person.model.Person;
import org.concordia.platform.application.Paging;
import org.concordia.platform.security.Caller;
import org.concordia.platform.web.ETags;
import org.concordia.platform.web.IdempotencyKeys;
import org.concordia.platform.web.PageView;
import org.concordia.platform.web.Responses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/people")
@Tag(name = Tags.PEOPLE)
class PersonController {

    private final PersonRegistry registry;
    private final AccessRules rules;

    PersonController(PersonRegistry registry, AccessRules rules) {
        this.registry = registry;
        this.rules = rules;
    }

    @PostMapping
    @Operation(
            summary = "Register a person",
            description = "Coordinators of any organization, and operators. The e-mail address must not belong to"
                    + " anyone else, in any case (409 naming email). Publishes concordia.person.registered.v1.")
    ResponseEntity<PersonView> register(
            Caller caller,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody PersonRequest request) {
        rules.registerPerson(caller);
        String id = IdempotencyKeys.idFor("person", idempotencyKey);
        var registered = registry.register(id, request.details());
        // the caller has just given the address; a retry shows it only to those who may read it anyway
        boolean contacts = registered.isNew()
                || rules.readsContactsOf(caller, registered.value().id());
        return Responses.created(
                registered,
                person -> PersonView.of(person, contacts),
                Person::version,
                p -> "/api/v1/people/" + p.id());
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "Get a person",
            description = "The e-mail address only for the person, coordinators of one of their organizations and"
                    + " operators; null for anyone else.")
    ResponseEntity<PersonView> get(Caller caller, @PathVariable @Size(max = 64) String id) {
        Person person = registry.get(id);
        return Responses.ok(PersonView.of(person, rules.readsContactsOf(caller, id)), person.version());
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Replace a person's details",
            description = "The person themselves only. Publishes concordia.person.updated.v1 when anything changed.")
    ResponseEntity<PersonView> replace(
            Caller caller,
            @PathVariable @Size(max = 64) String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PersonRequest request) {
        rules.changePerson(caller, registry.get(id).id());
        Person person = registry.change(id, ETags.ifMatch(ifMatch), request.details());
        return Responses.ok(PersonView.of(person, true), person.version());
    }

    @GetMapping
    @Operation(
            summary = "Find people",
            description = "By name, then id. E-mail addresses as for a single person, null where hidden.")
    PageView<PersonView> search(
            Caller caller,
            @Parameter(description = "Part of the name, in any case") @RequestParam(required = false) @Size(max = 200)
                    String nameContains,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        var found = registry.search(nameContains, page, size);
        Set<String> contacts =
                rules.contactsReadable(caller, found.map(Person::id).getContent());
        return PageView.of(found, person -> PersonView.of(person, contacts.contains(person.id())));
    }
}
