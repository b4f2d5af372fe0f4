package org.concordia.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concordia.contracts.organization.OrganizationUpdated;
import org.concordia.platform.application.Changes;
import org.concordia.platform.domain.NotFoundException;
import org.concordia.platform.outbox.AggregateStore;
import org.concordia.platform.web.CountryCode;
import org.concordia.platform.web.ETags;
import org.concordia.platform.web.IdempotencyKeys;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

/** The smallest API on the starter's conventions, to test them once for every service. */
@RestController
@RequestMapping("/api/v1/clubs")
class ClubController {

    record RegisterClub(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String city) {}

    /** What a club says about itself, in the value types whose reading every service shares. */
    record ClubProfile(
            LocalDate founded,
            ClubKind kind,
            @CountryCode String country,
            Double fee,
            OffsetDateTime meetsAt,
            String motto,
            List<String> tags) {}

    record ClubView(String id, long version, String name, String city) {
        static ClubView of(Club club) {
            return new ClubView(club.getId(), club.getVersion(), club.getName(), club.getCity());
        }
    }

    private final AggregateStore store;
    private final MongoTemplate mongo;

    ClubController(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    @PostMapping
    ResponseEntity<ClubView> register(
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody RegisterClub request) {
        Club club = new Club(IdempotencyKeys.idFor("club", key), request.name());
        club.moveTo(request.city());
        try {
            club = store.insert(club, List.of(club.registered()));
        } catch (DuplicateKeyException retried) {
            Club first = find(club.getId());
            return ResponseEntity.ok().eTag(ETags.of(first.getVersion())).body(ClubView.of(first));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(ETags.of(club.getVersion()))
                .body(ClubView.of(club));
    }

    @GetMapping("/{id}")
    ResponseEntity<ClubView> get(@PathVariable String id) {
        Club club = find(id);
        return ResponseEntity.ok().eTag(ETags.of(club.getVersion())).body(ClubView.of(club));
    }

    @PutMapping("/{id}")
    ResponseEntity<ClubView> rename(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RegisterClub request) {
        List<OrganizationUpdated> events = new ArrayList<>();
        Changes<Club> changes = Changes.of(
                "Club",
                clubId -> Optional.ofNullable(mongo.findById(clubId, Club.class)),
                Club::getVersion,
                changed -> store.update(changed, List.copyOf(events)));
        Club club = changes.apply(id, ETags.ifMatch(ifMatch), current -> {
            events.clear();
            events.add(current.rename(request.name()));
            current.moveTo(request.city());
            return true;
        });
        return ResponseEntity.ok().eTag(ETags.of(club.getVersion())).body(ClubView.of(club));
    }

    /** Answers the profile as read, so that a test sees what the request JSON turned into. */
    @PostMapping("/profiles")
    ClubProfile readProfile(@Valid @RequestBody ClubProfile profile) {
        return profile;
    }

    @GetMapping("/profiles")
    ClubProfile readKind(@RequestParam ClubKind kind) {
        return new ClubProfile(null, kind, null, null, null, null, null);
    }

    private Club find(String id) {
        Club club = mongo.findById(id, Club.class);
        if (club == null) {
            throw new NotFoundException("Club", id);
        }
        return club;
    }
}
