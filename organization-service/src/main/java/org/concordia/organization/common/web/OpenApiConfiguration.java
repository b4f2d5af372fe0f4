package org.concordia.organization.common.web;

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
    OpenAPI organizationServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Concordia organization-service")
                        .version("v1")
                        .description("""
                                The directory every Concordia service learns from: organizations with their chapters \
                                and representations, people, memberships with roles, and partnerships between \
                                organizations. Every change is published to the Kafka topic `organization-events`.

                                Conventions: errors are RFC 9457 Problem Details naming the fields at fault; every \
                                single resource carries an `ETag` (its version), which `If-Match` on a change must \
                                repeat (412 when stale); creating requests accept an `Idempotency-Key` so that a \
                                retry returns the first result (200) instead of creating twice; lists take `page` \
                                (from 0) and `size` (1–100) and have a stable order. Codes are lower-case: kinds \
                                such as `association_of_municipalities`, roles such as `partner_contact`, countries \
                                ISO 3166-1 alpha-2 (`BG`), languages BCP 47 (`bg`, `pt-BR`), time zones IANA \
                                (`Europe/Sofia`)."""))
                .tags(List.of(
                        new Tag().name(Tags.ORGANIZATIONS).description("Organizations, chapters and representations"),
                        new Tag().name(Tags.PEOPLE).description("People, their e-mail, language and time zone"),
                        new Tag()
                                .name(Tags.MEMBERSHIPS)
                                .description("People's memberships of organizations, with roles"),
                        new Tag().name(Tags.PARTNERSHIPS).description("Partnerships between organizations")));
    }
}
