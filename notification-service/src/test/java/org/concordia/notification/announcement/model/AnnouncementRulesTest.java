package org.concordia.notification.announcement.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.concordia.contracts.announcement.AnnouncementCorrected;
import org.concordia.contracts.announcement.AnnouncementPublished;
import org.concordia.platform.domain.ConflictException;
import org.junit.jupiter.api.Test;

class AnnouncementRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Announcement.Sender SENDER = new Announcement.Sender("org", "РАО Тракия", List.of("bg", "en"));
    private static final Announcement.Author AUTHOR = new Announcement.Author("maria", "Мария Иванова");
    private static final List<Target> NETWORK =
            List.of(new Target(Target.Kind.ORGANIZATION_NETWORK, "org", null, null, List.of()));

    private static Announcement write(List<Text> texts, Instant sendAt) {
        return Announcement.write("a1", SENDER, AUTHOR, texts, NETWORK, sendAt, "Europe/Sofia", NOW);
    }

    private static List<String> fields(Runnable writing) {
        try {
            writing.run();
            return List.of();
        } catch (InvalidAnnouncement e) {
            return e.problems().stream().map(InvalidAnnouncement.Problem::field).toList();
        }
    }

    @Test
    void sent_at_once_it_is_published_with_its_texts_and_targets() {
        Announcement a = write(List.of(new Text("bg", "Семинар", "**Семинар** за съветници")), null);

        assertThat(a.state().status()).isEqualTo(Status.SENT);
        assertThat(a.pullEvents()).singleElement().isInstanceOfSatisfying(AnnouncementPublished.class, e -> {
            assertThat(e.texts())
                    .singleElement()
                    .satisfies(t -> assertThat(t.subject()).isEqualTo("Семинар"));
            assertThat(e.organizationLanguages()).containsExactly("bg", "en");
            assertThat(e.targets())
                    .singleElement()
                    .satisfies(t -> assertThat(t.kind()).isEqualTo("organization_network"));
        });
    }

    @Test
    void scheduled_it_waits_may_be_edited_and_goes_out_once_when_due() {
        Announcement a = write(List.of(new Text("bg", "Семинар", "текст")), NOW.plusSeconds(3600));
        assertThat(a.pullEvents()).isEmpty();
        a.edit(
                List.of(new Text("bg", "Семинар в Пловдив", "текст")),
                NETWORK,
                NOW.plusSeconds(7200),
                "Europe/Sofia",
                NOW);

        assertThat(a.sendIfDue(NOW.plusSeconds(3600))).isFalse();
        assertThat(a.sendIfDue(NOW.plusSeconds(7200))).isTrue();
        assertThat(a.sendIfDue(NOW.plusSeconds(7300))).isFalse();
        assertThat(a.pullEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        AnnouncementPublished.class,
                        e -> assertThat(e.texts().get(0).subject()).isEqualTo("Семинар в Пловдив"));
    }

    @Test
    void once_out_it_is_corrected_not_edited_or_cancelled() {
        Announcement a = write(List.of(new Text("bg", "Семинар", "текст")), null);
        a.pullEvents();

        assertThatThrownBy(a::cancel).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> a.edit(a.state().texts(), NETWORK, null, "Europe/Sofia", NOW))
                .isInstanceOf(ConflictException.class);
        a.correct(List.of(new Text("bg", "Семинар", "поправен текст")), "датата", NOW);
        assertThat(a.pullEvents()).singleElement().isInstanceOfSatisfying(AnnouncementCorrected.class, e -> {
            assertThat(e.revision()).isEqualTo(2);
            assertThat(e.changeNote()).isEqualTo("датата");
        });
    }

    @Test
    void a_cancelled_announcement_never_goes_out() {
        Announcement a = write(List.of(new Text("bg", "Семинар", "текст")), NOW.plusSeconds(60));
        a.cancel();

        assertThat(a.sendIfDue(NOW.plusSeconds(120))).isFalse();
        assertThat(a.pullEvents()).isEmpty();
    }

    @Test
    void bad_texts_and_times_are_named_field_by_field() {
        assertThat(fields(() -> write(List.of(), null))).containsExactly("texts");
        assertThat(fields(() -> write(List.of(new Text("xx-invalid-", "S", "B")), null)))
                .containsExactly("texts[0].language");
        assertThat(fields(() -> write(List.of(new Text("qq", "S", "B")), null))).containsExactly("texts[0].language");
        assertThat(fields(() -> write(List.of(new Text("bg", " ", "")), null)))
                .containsExactly("texts[0].subject", "texts[0].body");
        assertThat(fields(() -> write(List.of(new Text("bg", "S", "x".repeat(Announcement.MAX_BODY + 1))), null)))
                .containsExactly("texts[0].body");
        assertThat(fields(() -> write(List.of(new Text("bg", "S", "Hi <script>alert(1)</script>")), null)))
                .containsExactly("texts[0].body");
        assertThat(fields(() -> write(List.of(new Text("bg", "S", "B"), new Text("BG", "S", "B")), null)))
                .containsExactly("texts[1].language");
        assertThat(fields(() -> write(List.of(new Text("bg", "S", "B")), NOW.minusSeconds(1))))
                .containsExactly("sendAt");
        assertThat(fields(() -> write(List.of(new Text("pt-br", "S", "B")), null)))
                .isEmpty();
    }

    @Test
    void markdown_becomes_sanitized_html_and_plain_text() {
        String body = "**Важно**: [програма](https://example.org/p) и [клик](javascript:alert(1))\n\n"
                + "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>";

        String html = Markdown.html(body);
        assertThat(html)
                .contains("<strong>Важно</strong>")
                .contains("href=\"https://example.org/p\"")
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("onerror");
        assertThat(Markdown.text(body))
                .contains("Важно")
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("javascript:");
        assertThat(Markdown.hasRawHtml(body)).isTrue();
        assertThat(Markdown.hasRawHtml("plain **bold** 2 < 3")).isFalse();
    }
}
