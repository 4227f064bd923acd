package dev.collector.faultdrill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The classpath the drill's nodes run from: the app's runtime classpath ({@code target/node.classpath},
 * written by the build), with the project's own jars copied aside first. Other builds on the same
 * machine rewrite those jars in place; a node loading a class from a half-written jar would fail
 * for a reason that has nothing to do with the drill.
 */
public final class NodeClasspath {

    private NodeClasspath() {
    }

    public static String snapshot(Path moduleDir, Path libDir) {
        Path file = moduleDir.resolve("target").resolve("node.classpath");
        try {
            String[] entries = Files.readString(file).trim().split(java.io.File.pathSeparator);
            Files.createDirectories(libDir);
            List<String> classpath = new ArrayList<>();
            for (String entry : entries) {
                Path jar = Path.of(entry);
                if (isProjectJar(jar) && Files.isRegularFile(jar)) {
                    Path copy = libDir.resolve(jar.getFileName());
                    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
                    classpath.add(copy.toAbsolutePath().toString());
                } else {
                    classpath.add(entry);
                }
            }
            return String.join(java.io.File.pathSeparator, classpath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (mvn -B -q install -pl fault-drill -am -DskipTests"
                    + " writes it)", e);
        }
    }

    private static boolean isProjectJar(Path jar) {
        String name = jar.toString().replace('\\', '/');
        return name.endsWith(".jar") && (name.contains("/dev/collector/") || name.contains("/target/"));
    }
}
