package org.concordia.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An SMTP server that delivers nothing: GreenMail accepts every message the platform sends, and each one is saved as
 * an {@code .eml} file (which any mail program opens) and announced in the terminal.
 */
final class MailCatcher implements AutoCloseable {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final GreenMail greenMail;
    private final Path folder;
    private final Status status;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mail-catcher");
        thread.setDaemon(true);
        return thread;
    });
    private int saved;
    /**
     * The messages saved so far, by Message-ID and recipients: GreenMail lists received messages mailbox by mailbox,
     * so a message arriving for one person moves the others' in that list, and a position says nothing.
     */
    private final Set<String> seen = new HashSet<>();

    private MailCatcher(GreenMail greenMail, Path folder, Status status) {
        this.greenMail = greenMail;
        this.folder = folder;
        this.status = status;
    }

    static MailCatcher start(int port, Path folder, Status status) throws IOException {
        Files.createDirectories(folder);
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        MailCatcher catcher = new MailCatcher(greenMail, folder, status);
        catcher.saver.scheduleWithFixedDelay(catcher::saveNew, 1, 1, TimeUnit.SECONDS);
        return catcher;
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    private synchronized void saveNew() {
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (seen.add(key(message))) {
                save(message);
                saved++;
            }
        }
    }

    private static String key(MimeMessage message) {
        try {
            String id = message.getMessageID();
            return (id != null ? id : "message@" + System.identityHashCode(message)) + "|" + recipients(message);
        } catch (MessagingException e) {
            return "message@" + System.identityHashCode(message);
        }
    }

    private void save(MimeMessage message) {
        try {
            String to = recipients(message);
            Path file = folder.resolve(String.format(
                    "%s-%04d-%s.eml",
                    LocalDateTime.now().format(FILE_TIME), saved + 1, to.replaceAll("[^A-Za-z0-9@._-]", "_")));
            try (OutputStream out = Files.newOutputStream(file)) {
                message.writeTo(out);
            }
            status.mail("to " + to + ": " + message.getSubject() + "  (" + file.getFileName() + ")");
        } catch (MessagingException | IOException e) {
            status.warn("A caught e-mail could not be saved: " + e.getMessage());
        }
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        Address[] to = message.getAllRecipients();
        return to == null ? "nobody" : Arrays.stream(to).map(Address::toString).collect(Collectors.joining(","));
    }

    @Override
    public void close() {
        saver.shutdown();
        try {
            saver.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        saveNew();
        greenMail.stop();
    }
}
