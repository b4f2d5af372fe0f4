package org.concordia.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every e-mail the platform sends locally can be read afterwards: a file per message, and a line in the terminal. */
class MailCatcherTest {

    @TempDir
    Path folder;

    @Test
    void a_sent_message_is_saved_as_an_eml_file_and_announced() throws Exception {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        try (MailCatcher catcher = MailCatcher.start(0, folder, new Status(new PrintStream(terminal, true)))) {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", Integer.toString(catcher.port()));
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress("notifications@concordia.local"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("m.ivanova@raotrakia.eu"));
            message.setSubject("Нова среща: семинар за общински съветници", "UTF-8");
            message.setText("Пловдив, 12 март 2027, 10:00 (Europe/Sofia)", "UTF-8");
            Transport.send(message);

            await().atMost(Duration.ofSeconds(20)).until(() -> files().size() == 1);
        }

        Path saved = files().get(0);
        assertThat(saved.getFileName().toString()).endsWith("m.ivanova@raotrakia.eu.eml");
        try (InputStream in = Files.newInputStream(saved)) {
            MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(read.getSubject()).isEqualTo("Нова среща: семинар за общински съветници");
            assertThat(read.getContent().toString()).contains("Пловдив");
        }
        assertThat(terminal.toString())
                .contains("to m.ivanova@raotrakia.eu: Нова среща: семинар за общински съветници");
    }

    @Test
    void messages_to_several_people_in_any_order_are_each_saved_once() throws Exception {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        List<String> to = List.of(
                "b@example.org", "a@example.org", "b@example.org", "c@example.org", "a@example.org", "b@example.org");
        try (MailCatcher catcher = MailCatcher.start(0, folder, new Status(new PrintStream(terminal, true)))) {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", Integer.toString(catcher.port()));
            for (int n = 0; n < to.size(); n++) {
                MimeMessage message = new MimeMessage(Session.getInstance(properties));
                message.setFrom(new InternetAddress("notifications@concordia.local"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(to.get(n)));
                message.setSubject("Message " + n, "UTF-8");
                message.setText("Text " + n, "UTF-8");
                Transport.send(message);
                // the catcher saves between arrivals, so later ones land in mailboxes listed before earlier ones
                int sent = n + 1;
                await().atMost(Duration.ofSeconds(20)).until(() -> files().size() == sent);
            }
        }

        List<String> subjects = files().stream()
                .map(file -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        return new MimeMessage(Session.getInstance(new Properties()), in).getSubject();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .sorted()
                .toList();
        assertThat(subjects)
                .containsExactly("Message 0", "Message 1", "Message 2", "Message 3", "Message 4", "Message 5");
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".eml")).toList();
        }
    }
}
