package org.segmint.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.cli.Cli;
import org.segmint.app.launch.LaunchPlan.Kind;
import org.segmint.persistence.workspace.Workspace;

/** How the launcher reads its arguments: {@code Segmint}, {@code Segmint PATH}, {@code segmint COMMAND ...}. */
class LaunchPlanTest {
    @TempDir
    Path dir;

    private final Set<String> commands = Cli.commandNames();

    private LaunchPlan decide(boolean terminal, String... args) {
        return LaunchPlan.decide(List.of(args), commands, terminal);
    }

    @Test
    void noArgumentsOpensTheDesktopOnTheLastWorkspace() {
        LaunchPlan plan = decide(true);
        assertEquals(Kind.DESKTOP, plan.kind());
        assertNull(plan.workspace());
    }

    @Test
    void commandsAndOptionsGoToTheCommandLine() {
        assertEquals(Kind.COMMAND_LINE, decide(true, "info", "x.segmint").kind());
        assertEquals(Kind.COMMAND_LINE, decide(false, "--help").kind());
        assertEquals(Kind.COMMAND_LINE, decide(true, "--version").kind());
        assertEquals(Kind.COMMAND_LINE, decide(true, "import").kind(), "a command missing its arguments");
    }

    @Test
    void aWorkspacePathOpensTheDesktopOnItMadeAbsolute() {
        Path ws = dir.resolve("Shop.segmint");
        Workspace.create(ws).close();
        LaunchPlan plan = decide(true, ws.toString());
        assertEquals(Kind.DESKTOP, plan.kind());
        assertEquals(ws.toAbsolutePath(), plan.workspace());

        LaunchPlan relative = decide(false, "some/../Other.segmint");
        assertEquals(Path.of("Other.segmint").toAbsolutePath(), relative.workspace(), "the running app has another"
                + " working directory");
    }

    @Test
    void aFileUriAsDesktopsPassItIsAPath() {
        Path ws = dir.resolve("My shop.segmint");
        Workspace.create(ws).close();
        LaunchPlan plan = decide(false, ws.toUri().toString());
        assertEquals(Kind.DESKTOP, plan.kind());
        assertEquals(ws.toAbsolutePath(), plan.workspace());
    }

    @Test
    void aMissingFileIsRefusedInATerminalAndShownInTheAppOtherwise() {
        Path missing = dir.resolve("gone.segmint");
        LaunchPlan inTerminal = decide(true, missing.toString());
        assertEquals(Kind.REFUSE, inTerminal.kind());
        assertEquals(missing + ": no such workspace file", inTerminal.problem());

        LaunchPlan fromDesktop = decide(false, missing.toString());
        assertEquals(Kind.DESKTOP, fromDesktop.kind(), "the app opens and its error dialog says why");
        assertEquals(missing, fromDesktop.workspace());
    }

    @Test
    void aFileThatIsNotAWorkspaceIsRefusedWithOneLine() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.segmint"), "customer_id\n1\n");
        assertEquals(text + ": not a Segmint workspace (not an SQLite database)",
                decide(true, text.toString()).problem());
        assertEquals(dir + ": is a folder, not a workspace file (give the .segmint file)",
                decide(true, dir.toString()).problem());
    }

    @Test
    void twoFilesOrAnUnknownWordAreRefused() {
        LaunchPlan plan = decide(true, "a.segmint", "b.segmint");
        assertEquals(Kind.REFUSE, plan.kind());
        assertEquals("unknown command 'a.segmint' (see segmint --help; to open a workspace, give only its file)",
                plan.problem());
        assertEquals(Kind.REFUSE, decide(true, "cuont", "x.segmint").kind());
    }
}
