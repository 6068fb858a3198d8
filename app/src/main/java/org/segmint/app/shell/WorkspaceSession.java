package org.segmint.app.shell;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.segmint.model.segment.Condition;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;

/**
 * One open workspace and the services over it. The workspace's own connection is shared, so every use
 * goes through {@link #read}, which serialises callers (background tasks run on several threads); long
 * reads that may run alongside others open their own connection ({@link Workspace#openConnection()}). The engine
 * is thread-safe (it borrows its own connections): call it outside {@link #read}.
 */
public final class WorkspaceSession implements AutoCloseable {
    private final Workspace workspace;
    private final Object resolverLock = new Object();
    private SegmentEngine engine;
    private Workspace resolverWorkspace;

    public WorkspaceSession(Workspace workspace) {
        this.workspace = workspace;
    }

    public Path file() {
        return workspace.file();
    }

    /** A short display name: the file name without {@code .segmint}. */
    public String name() {
        String n = workspace.file().getFileName().toString();
        return n.endsWith(".segmint") ? n.substring(0, n.length() - ".segmint".length()) : n;
    }

    /** Runs {@code action} with exclusive use of the workspace connection. Call from background work. */
    public synchronized <T> T read(Function<Workspace, T> action) {
        return action.apply(workspace);
    }

    /** The engine of this workspace, created on first use. */
    public synchronized SegmentEngine engine() {
        if (engine == null) {
            engine = new SegmentEngine(workspace, this::savedDefinition);
        }
        return engine;
    }

    /**
     * A saved segment's definition, for segment references inside the engine. It reads through a second
     * connection of its own so that an evaluation on one thread never waits for {@link #read} held by another
     * thread that is itself waiting for the engine.
     */
    private Optional<Condition> savedDefinition(String name) {
        synchronized (resolverLock) {
            if (resolverWorkspace == null) {
                resolverWorkspace = Workspace.open(workspace.file());
            }
            return new SegmentStore(resolverWorkspace).definition(name);
        }
    }

    /** The data changed (import, as-of): cached memberships are stale. */
    synchronized void dataChanged() {
        if (engine != null) {
            engine.invalidate();
        }
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
        }
        synchronized (resolverLock) {
            if (resolverWorkspace != null) {
                resolverWorkspace.close();
            }
        }
        workspace.close();
    }
}
