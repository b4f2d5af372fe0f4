package org.concordia.platform.security;

import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A tiny API whose rules are the platform's: any caller reads who they are, coordinators read their organization. */
@RestController
class SecuredController {

    static final String MOVEMENT = "movement";
    static final String CHAPTER = "chapter";

    private final OrganizationRoles roles;

    SecuredController(Optional<OrganizationRoles> roles) {
        this.roles = roles.orElseGet(() -> new OrganizationRoles(OrganizationHierarchy.FLAT));
    }

    @GetMapping("/api/v1/secured/me")
    Map<String, Object> me(Caller caller) {
        return Map.of("subject", caller.subject(), "operator", caller.isOperator());
    }

    @GetMapping("/api/v1/secured/organizations/{id}")
    Map<String, Object> organization(Caller caller, @PathVariable String id) {
        roles.requireCoordinatorOrOperator(caller, id);
        return Map.of("organizationId", id);
    }

    @GetMapping("/api/v1/open/ping")
    Map<String, Object> ping() {
        return Map.of("pong", true);
    }

    /** The chapter belongs to the movement. */
    @Configuration(proxyBeanMethods = false)
    static class Hierarchy {
        @Bean
        OrganizationHierarchy testHierarchy() {
            return id -> CHAPTER.equals(id) ? Optional.of(MOVEMENT) : Optional.empty();
        }
    }
}
