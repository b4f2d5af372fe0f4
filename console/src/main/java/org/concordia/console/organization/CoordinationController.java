package org.concordia.console.organization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concordia.console.api.Apis;
import org.concordia.console.signin.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A coordinator's organizations: chapters, members with their roles and zones, and the meetings they organize. */
@Controller
class CoordinationController {

    private final Directory directory;
    private final Apis apis;

    CoordinationController(Directory directory, Apis apis) {
        this.directory = directory;
        this.apis = apis;
    }

    @GetMapping("/coordination")
    @SuppressWarnings("unchecked")
    String coordination(Model model) {
        SignedIn me = SignedIn.required();
        List<Map<String, Object>> organizations = new ArrayList<>();
        for (Map<String, Object> organization : directory.organizations(me.coordinatedOrganizations())) {
            String id = String.valueOf(organization.get("id"));
            Map<String, Object> row = new LinkedHashMap<>(organization);
            row.put("members", directory.members(id));
            row.put("chapters", directory.chapters(id));
            Map<String, Object> meetings = apis.meetings()
                    .get()
                    .uri("/api/v1/meetings?organizationId={id}&size=20", id)
                    .retrieve()
                    .body(Apis.OBJECT);
            row.put("meetings", meetings == null ? List.of() : meetings.getOrDefault("content", List.of()));
            organizations.add(row);
        }
        model.addAttribute("organizations", organizations);
        return "coordination";
    }
}
