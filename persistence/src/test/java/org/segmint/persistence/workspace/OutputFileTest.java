package org.segmint.persistence.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way outputs are written: never over a workspace or an input, through links, directly to devices. */
class OutputFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesANewFileAndReplacesAnOldOneWithoutLeftovers() throws Exception {
        Path f = dir.resolve("out.csv");
        OutputFile.writeString(f, "one");
        OutputFile.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        assertEquals(List.of("out.csv"), names());
    }

    @Test
    void anOpenWorkspaceAndItsCompanionsAreNeverOutputs() throws Exception {
        Path wsFile = dir.resolve("w.segmint");
        try (Workspace ws = Workspace.create(wsFile)) {
            byte[] before = Files.readAllBytes(wsFile);
            for (Path target : List.of(wsFile, dir.resolve("w.segmint-wal"), dir.resolve("w.segmint-shm"),
                    dir.resolve("./sub/../w.segmint"))) {
                WorkspaceException e = assertThrows(WorkspaceException.class,
                        () -> OutputFile.writeString(target, "x"));
                assertTrue(e.getMessage().contains("it is the workspace"), e.getMessage());
            }
            Path link = dir.resolve("link.csv");
            Files.createSymbolicLink(link, wsFile);
            Path hard = dir.resolve("hard.csv");
            Files.createLink(hard, wsFile);
            assertThrows(WorkspaceException.class, () -> OutputFile.writeString(link, "x"));
            assertThrows(WorkspaceException.class, () -> OutputFile.writeString(hard, "x"));
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(wsFile)));
            Files.delete(hard);
        }
        // Closed, the file is no longer protected by this process.
        Path other = dir.resolve("plain.txt");
        OutputFile.writeString(other, "ok");
        assertEquals("ok", Files.readString(other));
    }

    @Test
    void anInputBeingReadIsNeverAnOutput() throws Exception {
        Path input = dir.resolve("in.csv");
        Files.writeString(input, "a,b\n1,2\n");
        try (ProtectedFiles.Registration r = ProtectedFiles.input(input)) {
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> OutputFile.writeString(input, "x"));
            assertTrue(e.getMessage().contains("the input file being read"), e.getMessage());
        }
        assertEquals("a,b\n1,2\n", Files.readString(input));
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, real);
        OutputFile.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void aNewOutputIsReadableLikeAnyNewFileAndAReplacedOneKeepsItsPermissions() throws Exception {
        Path plain = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(plain);
        Path f = dir.resolve("new.csv");
        OutputFile.writeString(f, "x");
        assertEquals(usual, Files.getPosixFilePermissions(f));
        Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(f, shared);
        OutputFile.writeString(f, "y");
        assertEquals(shared, Files.getPosixFilePermissions(f));
    }

    @Test
    void aLinkToAFileNotYetThereCreatesThatFile() throws Exception {
        Path link = dir.resolve("latest.csv");
        Files.createSymbolicLink(link, Path.of("exports-1.csv"));
        OutputFile.writeString(link, "rows");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("rows", Files.readString(dir.resolve("exports-1.csv")));
        Path toWorkspace = dir.resolve("ws-link.csv");
        Path wsFile = dir.resolve("w.segmint");
        try (Workspace ws = Workspace.create(wsFile)) {
            Files.delete(wsFile.resolveSibling("w.segmint-shm"));
            Files.createSymbolicLink(toWorkspace, Path.of("w.segmint-shm"));
            assertThrows(WorkspaceException.class, () -> OutputFile.writeString(toWorkspace, "x"));
        }
    }

    @Test
    void aFolderIsRefusedAndAFailedWriteLeavesNothing() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> OutputFile.writeString(folder, "x"));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        Path f = dir.resolve("half.csv");
        try (OutputFile out = OutputFile.open(f)) {
            out.writer().write("partial");
            // no commit: a failure in the middle
        }
        assertEquals(List.of("folder"), names());
    }

    @Test
    void aDeviceIsWrittenDirectlyAndAFullDiskSaysSo() {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "needs /dev/full (Linux)");
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> OutputFile.writeString(full, "x".repeat(100_000)));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertTrue(!Files.isRegularFile(full), "the device node stays a device");
        OutputFile.writeString(Path.of("/dev/null"), "discarded");
        assertTrue(!Files.isRegularFile(Path.of("/dev/null")));
    }
}
