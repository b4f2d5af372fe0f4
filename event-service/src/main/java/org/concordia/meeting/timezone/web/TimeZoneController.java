package org.concordia.meeting.timezone.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.concordia.meeting.access.AccessRules;
import org.concordia.meeting.access.AccessRules.Action;
import org.concordia.meeting.common.web.ApiText;
import org.concordia.meeting.meeting.Browsing;
import org.concordia.meeting.meeting.model.Target;
import org.concordia.meeting.meeting.model.TargetKind;
import org.concordia.meeting.timezone.FindingSlots;
import org.concordia.meeting.timezone.ViewingLocalTimes;
import org.concordia.meeting.timezone.ZoneView;
import org.concordia.meeting.timezone.model.ZoneTally.Named;
import org.concordia.platform.security.Caller;
import org.concordia.platform.web.TimeZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = ApiText.TIME_ZONES)
class TimeZoneController {

    private final ViewingLocalTimes localTimes;
    private final FindingSlots slots;
    private final Browsing browsing;
    private final AccessRules rules;

    TimeZoneController(ViewingLocalTimes localTimes, FindingSlots slots, Browsing browsing, AccessRules rules) {
        this.localTimes = localTimes;
        this.slots = slots;
        this.browsing = browsing;
        this.rules = rules;
    }

    record TargetRequest(
            @NotNull TargetKind kind,
            @Nullable @Size(max = 64) String personId,
            @Nullable @Size(max = 64) String organizationId,
            @Nullable @Size(max = 64) String projectId,

            @Nullable @Size(max = 4)
            List<@NotNull @Pattern(regexp = "coordinator|representative|member|partner_contact") String> roles) {
        Target toModel() {
            return new Target(kind, personId, organizationId, projectId, roles);
        }
    }

    record DraftRequest(
            @NotNull OffsetDateTime start,
            @NotNull OffsetDateTime end,
            @Nullable @Size(max = 64) String projectId,
            @NotEmpty @Size(max = 200) List<@NotNull @Valid TargetRequest> targets) {}

    record SlotRequest(
            @NotEmpty @Size(max = 200) List<@NotNull @Valid TargetRequest> targets,
            @Nullable @Size(max = 64) String projectId,
            @NotNull @Min(15) @Max(720) Integer durationMinutes,
            @NotNull LocalDate from,
            @NotNull LocalDate to,
            @NotNull @TimeZoneId String timeZone,
            @Nullable @Min(1) @Max(20) Integer limit) {}

    /**
     * One zone: the meeting's local start and end there, and whether it is outside working hours or on a weekend.
     *
     * @param country the zone's country (ISO 3166-1 alpha-2), whose weekend applies; absent for zones of no country
     * @param weekend the days of that weekend, e.g. FRIDAY and SATURDAY in Saudi Arabia
     */
    record ZoneEntry(
            String timeZone,
            long invitees,
            OffsetDateTime localStart,
            OffsetDateTime localEnd,
            boolean outsideWorkingHours,
            boolean onWeekend,
            List<Named> people,
            @Nullable String country,
            List<String> weekend) {}

    record LocalTimesView(
            OffsetDateTime start, OffsetDateTime end, long invitees, long flagged, List<ZoneEntry> zones) {
        static LocalTimesView of(ZoneView view) {
            return new LocalTimesView(
                    view.start().atOffset(java.time.ZoneOffset.UTC),
                    view.end().atOffset(java.time.ZoneOffset.UTC),
                    view.invitees(),
                    view.flagged(),
                    view.zones().stream()
                            .map(z -> new ZoneEntry(
                                    z.localTimes().timeZone(),
                                    z.invitees(),
                                    z.localTimes().localStart().toOffsetDateTime(),
                                    z.localTimes().localEnd().toOffsetDateTime(),
                                    z.localTimes().outsideWorkingHours(),
                                    z.localTimes().onWeekend(),
                                    z.people(),
                                    z.localTimes().country(),
                                    z.localTimes().weekend()))
                            .toList());
        }
    }

    record SlotView(OffsetDateTime start, OffsetDateTime end, long inside, long outside, long worstMinutesOutside) {}

    record SlotsView(long invitees, java.util.Map<String, Long> zones, List<SlotView> slots) {}

    @GetMapping("/api/v1/meetings/{id}/local-times")
    @Operation(
            summary = "A meeting in every invitee's time zone",
            description = "One entry per distinct zone with the number of invitees living there and the first few"
                    + " by name, flagged outside 08:00–20:00 local time or on the weekend of the zone's country"
                    + " (Friday and Saturday where that is the weekend, else Saturday and Sunday). For a series, the"
                    + " occurrence given (its recurrence id), else the first. For the meeting's participants.")
    LocalTimesView ofMeeting(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable OffsetDateTime occurrence,
            Caller caller) {
        rules.require(caller, Action.READ_LOCAL_TIMES, browsing.get(id));
        return LocalTimesView.of(localTimes.ofMeeting(id, occurrence == null ? null : occurrence.toInstant()));
    }

    @PostMapping("/api/v1/time-zone-view")
    @Operation(
            summary = "A draft meeting in every invitee's time zone",
            description = "As for a meeting. For coordinators (of any organization), who plan meetings.")
    LocalTimesView ofDraft(@Valid @RequestBody DraftRequest request, Caller caller) {
        rules.requirePlanner(caller);
        return LocalTimesView.of(localTimes.ofDraft(
                request.start().toInstant(),
                request.end().toInstant(),
                request.targets().stream().map(TargetRequest::toModel).toList(),
                request.projectId()));
    }

    @PostMapping("/api/v1/slot-finder")
    @Operation(
            summary = "Find the best slots",
            description = "Candidate starts every 30 minutes from the first to the last day (in timeZone), ranked by"
                    + " how many invitees have the whole slot inside 08:00–20:00 on a working day in their own zone"
                    + " (the weekend of the zone's country, as for local times), then"
                    + " by the worst invitee's minutes outside it, then by the earlier start. Daylight-saving changes"
                    + " inside the range are taken into account. At most 31 days. For coordinators (of any"
                    + " organization), who plan meetings.")
    SlotsView find(@Valid @RequestBody SlotRequest request, Caller caller) {
        rules.requirePlanner(caller);
        ZoneId zone = ZoneId.of(request.timeZone());
        var found = slots.find(
                request.targets().stream().map(TargetRequest::toModel).toList(),
                request.projectId(),
                Duration.ofMinutes(request.durationMinutes()),
                request.from(),
                request.to(),
                zone,
                request.limit() == null ? 5 : request.limit());
        return new SlotsView(
                found.invitees(),
                found.zones(),
                found.slots().stream()
                        .map(s -> new SlotView(
                                s.start().atZone(zone).toOffsetDateTime(),
                                s.end().atZone(zone).toOffsetDateTime(),
                                s.inside(),
                                found.invitees() - s.inside(),
                                s.worstMinutesOutside()))
                        .toList());
    }
}
