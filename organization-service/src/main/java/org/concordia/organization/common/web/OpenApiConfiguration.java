package org.concordia.organization.common.web;

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
    OpenAPI organizationServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Concordia organization-service")
                        .version("v1")
                        .description("""
                                The directory every Concordia service learns from: organizations with their chapters \
                                and representations, people, memberships with roles, and partnerships between \
                                organizations. Every change is published to the Kafka topic `organization-events`.

                                Kinds are codes such as `association_of_municipalities`, roles codes such as \
                                `partner_contact`."""))
                .tags(List.of(
                        new Tag().name(Tags.ORGANIZATIONS).description("Organizations, chapters and representations"),
                        new Tag().name(Tags.PEOPLE).description("People, their e-mail, language and time zone"),
                        new Tag()
                                .name(Tags.MEMBERSHIPS)
                                .description("People's memberships of organizations, with roles"),
                        new Tag().name(Tags.PARTNERSHIPS).description("Partnerships between organizations")));
    }
}
