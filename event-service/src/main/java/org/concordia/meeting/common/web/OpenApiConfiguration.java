package org.concordia.meeting.common.web;

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
    OpenAPI meetingServiceApi() {
        return new OpenAPI()
                .info(new Info().title("Concordia event-service").version("v1").description("""
                                Coordination meetings across time zones: a coordinator schedules a meeting or a \
                                weekly or monthly series for their organization, invites people, organizations \
                                (members, optionally only some roles), whole networks of chapters and a project's \
                                partners; invitees see the time in their own zone; they accept, decline or answer \
                                tentatively within a capacity and per-organization seats, with a waitlist; minutes \
                                follow; every meeting is an iCalendar file. Every change is published to the Kafka \
                                topic `meeting-events`. People, organizations, memberships and projects are known \
                                from `organization-events` and `project-events`.

                                Conventions: errors are RFC 9457 Problem Details naming the fields at fault; every \
                                response showing a meeting carries its version as `ETag`, which `If-Match` on a \
                                change may repeat (412 when stale); creating requests accept an `Idempotency-Key`; \
                                lists take `page` (from 0) and `size` (1–100). Times are ISO 8601 with an offset, \
                                plus the IANA zone they were planned in (`Europe/Sofia`); codes are lower case \
                                (`in_person`, `organization_members`)."""))
                .tags(List.of(
                        new Tag().name(ApiText.MEETINGS).description("Scheduling, rescheduling, cancelling"),
                        new Tag().name(ApiText.REGISTRATIONS).description("Invitees' answers, seats and waitlist"),
                        new Tag().name(ApiText.TIME_ZONES).description("Local times and slot finding"),
                        new Tag().name(ApiText.MINUTES).description("Minutes, decisions and action items"),
                        new Tag().name(ApiText.CALENDAR).description("iCalendar files and personal feeds")));
    }
}
