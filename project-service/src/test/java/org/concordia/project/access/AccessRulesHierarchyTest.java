package org.concordia.project.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concordia.platform.security.Caller;
import org.concordia.platform.security.OrganizationRoles;
import org.concordia.project.access.AccessRules.Action;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** The rules' answers along a hierarchy of organizations: a centre, its chapter, and the chapter's local group. */
class AccessRulesHierarchyTest {

    private static final Map<String, String> PARENTS = Map.of("group", "chapter", "chapter", "centre");

    private final AccessRules rules =
            new AccessRules(new OrganizationRoles(id -> Optional.ofNullable(PARENTS.get(id))));

    @Test
    void a_coordinator_of_any_organization_above_the_lead_acts_for_it_and_none_below_it_does() {
        assertThat(rules.allows(coordinator("centre"), Action.CHANGE, "group")).isTrue();
        assertThat(rules.allows(coordinator("chapter"), Action.CHANGE, "group")).isTrue();
        assertThat(rules.allows(coordinator("group"), Action.CHANGE, "chapter")).isFalse();
        assertThat(rules.allows(coordinator("elsewhere"), Action.CHANGE, "group"))
                .isFalse();
    }

    @Test
    void an_invited_organizations_answer_follows_the_same_hierarchy() {
        assertThat(rules.allows(coordinator("centre"), Action.ANSWER, "group")).isTrue();
        assertThat(rules.allows(coordinator("group"), Action.ANSWER, "centre")).isFalse();
    }

    @Test
    void only_people_act_and_being_an_operator_grants_nothing() {
        Caller client = new Caller("tooling", null, null, null, Map.of("group", Set.of(Caller.COORDINATOR)), Set.of());
        Caller operator = new Caller("op", "op", null, null, Map.of(), Set.of(Caller.OPERATOR));
        for (Action action : Action.values()) {
            boolean reading = action == Action.READ;
            assertThat(rules.allows(client, action, "group")).as(action.name()).isEqualTo(reading);
            assertThat(rules.allows(operator, action, "group"))
                    .as(action.name())
                    .isEqualTo(reading);
        }
        assertThatThrownBy(() -> rules.require(operator, Action.PROPOSE, "group"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_hierarchy_that_loops_is_not_followed_forever() {
        AccessRules looping = new AccessRules(new OrganizationRoles(id -> Optional.of(id.equals("a") ? "b" : "a")));
        assertThat(looping.allows(coordinator("c"), Action.CHANGE, "a")).isFalse();
        assertThat(looping.allows(coordinator("b"), Action.CHANGE, "a")).isTrue();
    }

    private static Caller coordinator(String organizationId) {
        return new Caller(
                "person-" + organizationId,
                "person-" + organizationId,
                null,
                null,
                Map.of(organizationId, Set.of(Caller.COORDINATOR)),
                Set.of());
    }
}
