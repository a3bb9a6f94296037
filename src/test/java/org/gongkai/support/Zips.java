package org.gongkai.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Unpacks a backup as the README tells an operator to: into an empty data dir. */
public final class Zips {
    private Zips() {}

    public static void unzip(Path zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path target = dir.resolve(e.getName()).normalize();
                assertThat(target.startsWith(dir)).as("zip entry stays inside").isTrue();
                Files.copy(z, target);
            }
        }
    }
}
