package org.concordia.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service starts from its archive only while the archive was made from the jar it would start; else from the jar. */
class ClassDataSharingTest {

    private static final PlatformService SERVICE = new PlatformService("organization-service", 0, "/");

    @TempDir
    Path data;

    @Test
    void a_service_without_an_archive_starts_from_its_jar() throws Exception {
        Path jar = jar();
        ClassDataSharing sharing = sharing();

        assertThat(sharing.stale(SERVICE, jar)).isTrue();
        assertThat(sharing.launch(SERVICE, jar)).containsExactly("-jar", jar.toString());
    }

    @Test
    void a_service_starts_from_its_extracted_jar_with_the_archive_made_from_its_jar() throws Exception {
        Path jar = jar();
        prepared(jar);

        List<String> launch = sharing().launch(SERVICE, jar);

        assertThat(launch)
                .contains("-XX:SharedArchiveFile=" + data.resolve("cds/organization-service/organization-service.jsa"))
                .contains("-Xshare:auto")
                .endsWith(
                        "-jar",
                        data.resolve("cds/organization-service/app/organization-service.jar")
                                .toString());
    }

    @Test
    void a_rebuilt_jar_makes_its_archive_stale_and_the_service_starts_from_the_jar() throws Exception {
        Path jar = jar();
        prepared(jar);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(sharing().stale(SERVICE, jar)).isTrue();
        assertThat(sharing().launch(SERVICE, jar)).containsExactly("-jar", jar.toString());
    }

    @Test
    void a_jar_that_cannot_be_extracted_is_reported_and_started_as_it_is() throws Exception {
        Path jar = jar();
        ClassDataSharing sharing = sharing();

        assertThat(sharing.prepare(SERVICE, jar, List.of(), List.of())).isFalse();

        assertThat(sharing.launch(SERVICE, jar)).containsExactly("-jar", jar.toString());
        assertThat(data.resolve("logs/organization-service.cds.log")).exists();
    }

    private ClassDataSharing sharing() throws Exception {
        return new ClassDataSharing(data.resolve("cds"), Files.createDirectories(data.resolve("logs")));
    }

    private Path jar() throws Exception {
        Path jar = data.resolve("build/organization-service.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not really a jar");
        return jar;
    }

    /** What a successful preparation leaves: the extracted jar, the archive and the stamp of the jar it came from. */
    private void prepared(Path jar) throws Exception {
        Path directory = Files.createDirectories(data.resolve("cds/organization-service/app"));
        Files.writeString(directory.resolve("organization-service.jar"), "extracted");
        Files.writeString(directory.resolveSibling("organization-service.jsa"), "archive");
        Files.writeString(directory.resolveSibling("stamp"), ClassDataSharing.stamp(jar));
    }
}
