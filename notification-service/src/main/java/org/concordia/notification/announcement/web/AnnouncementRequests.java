package org.concordia.notification.announcement.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.concordia.notification.announcement.Draft;
import org.concordia.notification.announcement.model.Announcement;
import org.concordia.notification.announcement.model.Target;
import org.concordia.notification.announcement.model.Text;
import org.concordia.notification.inbox.web.Ids;
import org.concordia.platform.web.TimeZoneId;
import org.jspecify.annotations.Nullable;

/** The bodies the announcements API accepts. */
final class AnnouncementRequests {

    private AnnouncementRequests() {}

    static final String KINDS =
            "organization_members|organization_network|organization_partners|project_partners|meeting_participants";

    /**
     * @param language BCP 47 tag: bg, pl, en, pt-BR
     * @param body Markdown (no raw HTML), at most 20,000 characters
     */
    record TextRequest(
            @NotNull @Size(max = 35) String language,
            @NotNull @Size(max = Announcement.MAX_SUBJECT) String subject,
            @NotNull @Size(max = Announcement.MAX_BODY) String body) {

        Text toModel() {
            return new Text(language, subject, body);
        }
    }

    /**
     * @param kind organization_members, organization_network, organization_partners (the members of the
     *     organization's partner organizations, active partnerships on either side), project_partners or
     *     meeting_participants
     * @param roles for organization targets, partner organizations and project partners: only members holding one
     *     of these roles
     */
    record TargetRequest(
            @NotNull @Pattern(regexp = KINDS) String kind,
            @Nullable @Pattern(regexp = Ids.PERSON) String organizationId,
            @Nullable @Pattern(regexp = Ids.PERSON) String projectId,
            @Nullable @Pattern(regexp = Ids.PERSON) String meetingId,

            @Nullable @Size(max = 10) List<@NotBlank @Pattern(regexp = "[a-z_]{1,40}") String> roles) {

        Target toModel() {
            return new Target(
                    Target.Kind.of(kind), organizationId, projectId, meetingId, roles == null ? List.of() : roles);
        }
    }

    /**
     * @param authorPersonId optional: the calling person, who is the author (another person is refused, 403)
     * @param sendAt when it goes out, ISO-8601 with offset; absent for at once
     * @param timeZone the author's IANA zone, in which {@code sendAt} was chosen and is shown back
     */
    record AnnouncementRequest(
            @Nullable @Pattern(regexp = Ids.PERSON) String authorPersonId,
            @NotNull @Size(max = 20) List<@Valid @NotNull TextRequest> texts,
            @NotNull @Size(max = 20) List<@Valid @NotNull TargetRequest> targets,
            @Nullable OffsetDateTime sendAt,
            @NotBlank @Size(max = 64) @TimeZoneId String timeZone) {

        Draft toDraft(String author) {
            return new Draft(
                    author,
                    texts.stream().map(TextRequest::toModel).toList(),
                    targets.stream().map(TargetRequest::toModel).toList(),
                    sendAt == null ? null : sendAt.toInstant(),
                    timeZone);
        }
    }

    /** @param languages the languages written so far; empty counts people by their own language */
    record PreviewRequest(
            @Nullable @Pattern(regexp = Ids.PERSON) String authorPersonId,
            @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull TargetRequest> targets,
            @Nullable @Size(max = 20) List<@NotBlank @Size(max = 35) String> languages) {}

    record AuthorRequest(
            @Nullable @Pattern(regexp = Ids.PERSON) String authorPersonId) {}

    /** @param changeNote what was corrected, shown to recipients */
    record CorrectionRequest(
            @Nullable @Pattern(regexp = Ids.PERSON) String authorPersonId,
            @NotNull @Size(max = 20) List<@Valid @NotNull TextRequest> texts,
            @Nullable @Size(max = Announcement.MAX_NOTE) String changeNote) {}
}
