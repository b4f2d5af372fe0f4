package org.concordia.project.common.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title, description and tag order; endpoints describe themselves, and the platform starter
 * adds what every Concordia API shares (headers, error responses, conventions).
 */
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

                                Lists of projects are ordered by title, then id. Milestone kinds and statuses are \
                                codes such as `study_visit` and `active`."""))
                .tags(List.of(
                        new Tag().name(ApiText.PROJECTS).description("Proposing, finding and running projects"),
                        new Tag().name(ApiText.PARTNERS).description("Invitations and partners' answers"),
                        new Tag().name(ApiText.MILESTONES).description("Study visits, forums, publications, reports")));
    }
}
