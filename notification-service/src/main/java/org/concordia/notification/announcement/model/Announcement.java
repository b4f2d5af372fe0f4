package org.concordia.notification.announcement.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.concordia.contracts.DomainEvent;
import org.concordia.contracts.announcement.AnnouncementCorrected;
import org.concordia.contracts.announcement.AnnouncementPublished;
import org.concordia.contracts.announcement.AnnouncementTarget;
import org.concordia.contracts.announcement.AnnouncementText;
import org.concordia.platform.domain.ConflictException;
import org.jspecify.annotations.Nullable;

/**
 * What a coordinator tells an organization's people: texts per language, targets, and when it goes out. It is
 * scheduled until it goes out (at once, or at the chosen time), may be edited or cancelled until then, and corrected
 * afterwards. Going out and each correction are events, which the fan-out consumes.
 */
public final class Announcement {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_NOTE = 1_000;

    private static final Set<String> LANGUAGES = languages();

    /** The stored state; {@code version} is null before the first write. */
    public record State(
            String id,
            String organizationId,
            String organizationName,
            List<String> organizationLanguages,
            String authorPersonId,
            String authorName,
            List<Text> texts,
            List<Target> targets,
            Status status,
            Instant sendAt,
            String timeZone,
            Instant createdAt,
            @Nullable Instant sentAt,
            int revision,
            @Nullable String changeNote,
            @Nullable Long version) {

        public State {
            organizationLanguages = List.copyOf(organizationLanguages);
            texts = List.copyOf(texts);
            targets = List.copyOf(targets);
        }
    }

    /** The organization the announcement speaks for, as the read model knows it. */
    public record Sender(String organizationId, String organizationName, List<String> languages) {}

    /** The coordinator who writes. */
    public record Author(String personId, String name) {}

    private State state;
    private final List<DomainEvent> events = new ArrayList<>();

    private Announcement(State state) {
        this.state = state;
    }

    public static Announcement restore(State state) {
        return new Announcement(state);
    }

    /**
     * Writes a new announcement: it goes out at {@code sendAt}, or at once when that is null.
     *
     * @throws InvalidAnnouncement naming every field that is wrong
     */
    public static Announcement write(
            String id,
            Sender sender,
            Author author,
            List<Text> texts,
            List<Target> targets,
            @Nullable Instant sendAt,
            String timeZone,
            Instant now) {
        List<InvalidAnnouncement.Problem> problems = new ArrayList<>();
        List<Text> checked = checkTexts(texts, problems);
        checkTargets(targets, problems);
        checkSendAt(sendAt, now, problems);
        if (!problems.isEmpty()) {
            throw new InvalidAnnouncement(problems);
        }
        Announcement announcement = new Announcement(new State(
                id,
                sender.organizationId(),
                sender.organizationName(),
                sender.languages(),
                author.personId(),
                author.name(),
                checked,
                targets,
                Status.SCHEDULED,
                sendAt == null ? now : sendAt,
                timeZone,
                now,
                null,
                1,
                null,
                null));
        if (sendAt == null) {
            announcement.sendIfDue(now);
        }
        return announcement;
    }

    /** Changes what, to whom and when, until it goes out. */
    public void edit(List<Text> texts, List<Target> targets, @Nullable Instant sendAt, String timeZone, Instant now) {
        requireScheduled("edited");
        List<InvalidAnnouncement.Problem> problems = new ArrayList<>();
        List<Text> checked = checkTexts(texts, problems);
        checkTargets(targets, problems);
        checkSendAt(sendAt, now, problems);
        if (!problems.isEmpty()) {
            throw new InvalidAnnouncement(problems);
        }
        state = with(checked, targets, Status.SCHEDULED, sendAt == null ? now : sendAt, timeZone, null, 1, null);
        if (sendAt == null) {
            sendIfDue(now);
        }
    }

    public void cancel() {
        requireScheduled("cancelled");
        state = with(
                state.texts(),
                state.targets(),
                Status.CANCELLED,
                state.sendAt(),
                state.timeZone(),
                null,
                state.revision(),
                null);
    }

    /** Sends it when it is due and still scheduled. @return whether it went out now */
    public boolean sendIfDue(Instant now) {
        if (state.status() != Status.SCHEDULED || state.sendAt().isAfter(now)) {
            return false;
        }
        state = with(state.texts(), state.targets(), Status.SENT, state.sendAt(), state.timeZone(), now, 1, null);
        events.add(new AnnouncementPublished(
                state.id(),
                state.organizationId(),
                state.organizationName(),
                state.organizationLanguages(),
                state.authorPersonId(),
                state.authorName(),
                texts(state.texts()),
                targets(state.targets()),
                1,
                now));
        return true;
    }

    /** Replaces the texts of an announcement that went out; its recipients are told it was corrected. */
    public void correct(List<Text> texts, @Nullable String note, Instant now) {
        if (state.status() != Status.SENT) {
            throw new ConflictException(
                    "Only an announcement that went out can be corrected; this one is "
                            + state.status().code() + ", edit it instead",
                    "status");
        }
        List<InvalidAnnouncement.Problem> problems = new ArrayList<>();
        List<Text> checked = checkTexts(texts, problems);
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(new InvalidAnnouncement.Problem("changeNote", "at most " + MAX_NOTE + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAnnouncement(problems);
        }
        int revision = state.revision() + 1;
        state = with(
                checked,
                state.targets(),
                Status.SENT,
                state.sendAt(),
                state.timeZone(),
                state.sentAt(),
                revision,
                note);
        events.add(new AnnouncementCorrected(
                state.id(),
                state.organizationId(),
                state.organizationName(),
                state.organizationLanguages(),
                state.authorPersonId(),
                state.authorName(),
                texts(checked),
                targets(state.targets()),
                revision,
                note,
                now));
    }

    public State state() {
        return state;
    }

    public List<DomainEvent> pullEvents() {
        List<DomainEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private void requireScheduled(String what) {
        if (state.status() != Status.SCHEDULED) {
            throw new ConflictException(
                    "Only a scheduled announcement can be " + what + "; this one is "
                            + state.status().code() + (state.status() == Status.SENT ? ", correct it instead" : ""),
                    "status");
        }
    }

    private State with(
            List<Text> texts,
            List<Target> targets,
            Status status,
            Instant sendAt,
            String timeZone,
            @Nullable Instant sentAt,
            int revision,
            @Nullable String note) {
        return new State(
                state.id(),
                state.organizationId(),
                state.organizationName(),
                state.organizationLanguages(),
                state.authorPersonId(),
                state.authorName(),
                texts,
                targets,
                status,
                sendAt,
                timeZone,
                state.createdAt(),
                sentAt,
                revision,
                note,
                state.version());
    }

    /** Checks each language's subject and body; @return the texts with normalized language tags */
    static List<Text> checkTexts(List<Text> texts, List<InvalidAnnouncement.Problem> problems) {
        if (texts.isEmpty()) {
            problems.add(
                    new InvalidAnnouncement.Problem("texts", "write the subject and body in at least one language"));
            return List.of();
        }
        List<Text> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            Text t = texts.get(i);
            String at = "texts[" + i + "].";
            String language = language(t.language());
            if (language == null) {
                problems.add(new InvalidAnnouncement.Problem(
                        at + "language", "'" + t.language() + "' is not a known BCP 47 language tag"));
            } else if (!seen.add(language.toLowerCase(Locale.ROOT))) {
                problems.add(new InvalidAnnouncement.Problem(at + "language", language + " is written twice"));
            }
            if (t.subject().isBlank()) {
                problems.add(new InvalidAnnouncement.Problem(at + "subject", "must not be empty"));
            } else if (t.subject().length() > MAX_SUBJECT || t.subject().contains("\n")) {
                problems.add(new InvalidAnnouncement.Problem(
                        at + "subject", "one line of at most " + MAX_SUBJECT + " characters"));
            }
            if (t.body().isBlank()) {
                problems.add(new InvalidAnnouncement.Problem(at + "body", "must not be empty"));
            } else if (t.body().length() > MAX_BODY) {
                problems.add(new InvalidAnnouncement.Problem(
                        at + "body",
                        "at most " + MAX_BODY + " characters (" + t.body().length() + ")"));
            } else if (Markdown.hasRawHtml(t.body())) {
                problems.add(new InvalidAnnouncement.Problem(
                        at + "body",
                        "raw HTML is not accepted (it would be stripped, never executed); use Markdown for"
                                + " formatting and links"));
            }
            checked.add(new Text(
                    language == null ? t.language() : language, t.subject().strip(), t.body()));
        }
        return checked;
    }

    private static void checkTargets(List<Target> targets, List<InvalidAnnouncement.Problem> problems) {
        if (targets.isEmpty()) {
            problems.add(new InvalidAnnouncement.Problem("targets", "name at least one target"));
        }
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            String at = "targets[" + i + "].";
            switch (t.kind()) {
                case ORGANIZATION_MEMBERS, ORGANIZATION_NETWORK, ORGANIZATION_PARTNERS -> {
                    if (t.organizationId() == null) {
                        problems.add(new InvalidAnnouncement.Problem(at + "organizationId", "required for this kind"));
                    }
                }
                case PROJECT_PARTNERS -> {
                    if (t.projectId() == null) {
                        problems.add(new InvalidAnnouncement.Problem(at + "projectId", "required for this kind"));
                    }
                }
                case MEETING_PARTICIPANTS -> {
                    if (t.meetingId() == null) {
                        problems.add(new InvalidAnnouncement.Problem(at + "meetingId", "required for this kind"));
                    }
                }
            }
        }
    }

    private static void checkSendAt(@Nullable Instant sendAt, Instant now, List<InvalidAnnouncement.Problem> problems) {
        if (sendAt != null && sendAt.isBefore(now)) {
            problems.add(new InvalidAnnouncement.Problem(
                    "sendAt", "is in the past; leave it out to send now, or choose a time ahead"));
        }
    }

    /** The normalized tag when it is well-formed and its language is known, else null. */
    static @Nullable String language(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return LANGUAGES.contains(locale.getLanguage()) ? locale.toLanguageTag() : null;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    private static Set<String> languages() {
        Set<String> known = new HashSet<>(List.of(Locale.getISOLanguages()));
        for (Locale locale : Locale.getAvailableLocales()) {
            if (!locale.getLanguage().isEmpty()) {
                known.add(locale.getLanguage());
            }
        }
        return Set.copyOf(known);
    }

    private static List<AnnouncementText> texts(List<Text> texts) {
        return texts.stream()
                .map(t -> new AnnouncementText(t.language(), t.subject(), t.body()))
                .toList();
    }

    private static List<AnnouncementTarget> targets(List<Target> targets) {
        return targets.stream()
                .map(t -> new AnnouncementTarget(
                        t.kind().code(), t.organizationId(), t.projectId(), t.meetingId(), t.roles()))
                .toList();
    }
}
