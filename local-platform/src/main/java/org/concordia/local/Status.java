package org.concordia.local;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The few lines a person reads in the terminal: steps, what became ready, warnings and errors, the summary. */
final class Status {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;

    Status(PrintStream out) {
        this.out = out;
    }

    void step(String text) {
        line("  ", text);
    }

    void ready(String text) {
        line("✓ ", text);
    }

    void mail(String text) {
        line("✉ ", text);
    }

    void warn(String text) {
        line("! ", text);
    }

    synchronized void block(List<String> lines) {
        out.println();
        lines.forEach(out::println);
        out.println();
        out.flush();
    }

    private synchronized void line(String mark, String text) {
        out.println(LocalTime.now().format(TIME) + " " + mark + text);
        out.flush();
    }
}
