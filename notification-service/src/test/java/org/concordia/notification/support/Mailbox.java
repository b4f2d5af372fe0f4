package org.concordia.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** One GreenMail SMTP server per test JVM, on a free port, that every test context sends to. */
public final class Mailbox {

    private static final GreenMail GREEN_MAIL = start();

    private Mailbox() {}

    private static GreenMail start() {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        return greenMail;
    }

    public static GreenMail greenMail() {
        return GREEN_MAIL;
    }

    public static int port() {
        return GREEN_MAIL.getSmtp().getPort();
    }
}
