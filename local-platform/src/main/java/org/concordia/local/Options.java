package org.concordia.local;

import java.nio.file.Path;
import java.util.List;

/** What the person asked for on the command line, and the ports, which the environment may change. */
record Options(Path home, Path data, boolean demo, boolean reset, boolean classDataSharing, boolean help) {

    static final String USAGE = """
            Usage: ./run-local [--demo] [--reset] [--data DIR] [--rebuild] [--no-cds]
              --demo      load the demo organizations, projects, meetings and logins (idempotent)
              --reset     empty the data folder first
              --data DIR  keep the data in DIR instead of .concordia-data
              --rebuild   rebuild everything first (changed sources are rebuilt anyway)
              --no-cds    start the services from their jars, without the class data sharing archives
            Ports come from KAFKA_PORT, MONGO_PORT, SMTP_PORT and <SERVICE>_PORT (e.g. EVENT_PORT).""";

    static Options parse(List<String> args) {
        Path home = Path.of(System.getProperty("concordia.home", "."))
                .toAbsolutePath()
                .normalize();
        Path data = home.resolve(".concordia-data");
        boolean demo = false;
        boolean reset = false;
        boolean help = false;
        boolean classDataSharing = true;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--demo" -> demo = true;
                case "--reset" -> reset = true;
                case "--help", "-h" -> help = true;
                case "--no-cds" -> classDataSharing = false;
                case "--data" -> {
                    if (i + 1 == args.size()) {
                        throw new IllegalArgumentException("--data needs a folder\n" + USAGE);
                    }
                    data = Path.of(args.get(++i)).toAbsolutePath().normalize();
                }
                default -> throw new IllegalArgumentException("Unknown option " + args.get(i) + "\n" + USAGE);
            }
        }
        return new Options(home, data, demo, reset, classDataSharing, help);
    }

    int kafkaPort() {
        return port("KAFKA_PORT", 9092);
    }

    int mongoPort() {
        return port("MONGO_PORT", 27017);
    }

    int smtpPort() {
        return port("SMTP_PORT", 3025);
    }

    static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
