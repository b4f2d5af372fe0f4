package org.concordia.project.common.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, description and tag order; endpoints describe themselves. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI projectServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Concordia project-service")
                        .version("v1")
                        .description("""
                                International cooperation projects: a lead organization proposes a project, invites \
                                partner organizations from other countries, plans milestones (study visits, forums, \
                                publications, reports) and runs it from draft to active to completed, or cancels it. \
                                Every change is published to the Kafka topic `project-events`. Organizations are \
                                known from `organization-events`; an unknown or archived one is refused with 422.

                                Rules: a project is activated with at least one accepted partner and at least two \
                                countries among the lead and its accepted partners; completed and cancelled projects \
                                do not change; the lead is never its own partner; an organization is invited once at \
                                a time; milestones are due within the planned period, or up to 30 days before it or \
                                90 days after it.

                                Conventions: errors are RFC 9457 Problem Details naming the fields at fault; every \
                                response showing a project carries its version as `ETag`, which `If-Match` on a \
                                change may repeat (412 when stale); creating requests accept an `Idempotency-Key`; \
                                lists take `page` (from 0) and `size` (1–100) and are ordered by title, then id. \
                                Codes are lower case (`study_visit`, `active`); countries ISO 3166-1 alpha-2 (`PL`), \
                                currencies ISO 4217 (`EUR`), dates ISO 8601 (`2026-03-01`)."""))
                .tags(List.of(
                        new Tag().name(ApiText.PROJECTS).description("Proposing, finding and running projects"),
                        new Tag().name(ApiText.PARTNERS).description("Invitations and partners' answers"),
                        new Tag().name(ApiText.MILESTONES).description("Study visits, forums, publications, reports")));
    }
}
