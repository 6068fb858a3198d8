package org.segmint.app.launch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Segmint window per user: the first start holds a lock file in the user's data folder and listens on a
 * local socket beside it ({@code instance.lock}, {@code instance.sock}); a later start hands its request (a
 * workspace to open, or none: just show the window) to the running one and exits. The lock is released by the
 * operating system when the process ends, however it ends, so a socket file left by a crash is recognised as
 * stale and replaced.
 *
 * <p>A Unix-domain socket (Linux, macOS, Windows 10 and later) is reachable only through the file system, so
 * only the user who owns the data folder can ask; nothing listens on the network.
 */
public final class SingleInstance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SingleInstance.class.getName());
    static final String LOCK_FILE = "instance.lock";
    static final String SOCKET_FILE = "instance.sock";
    private static final String OK = "ok";
    private static final String SHOW_ONLY = "";

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocketChannel server; // null: no socket could be made
    private final Path socket;
    private final List<Optional<Path>> pending = new ArrayList<>();
    private Consumer<Optional<Path>> handler;

    private SingleInstance(FileChannel lockChannel, FileLock lock, ServerSocketChannel server, Path socket) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.socket = socket;
    }

    /** What {@link #handOverOrClaim} did. */
    public record Outcome(boolean handedOver, SingleInstance instance) {
    }

    /**
     * Hands {@code workspace} (null: just show the window) to a running Segmint, or becomes the running one. Waits
     * up to {@code patience} for one that is still starting; after that this start runs on its own (without a
     * socket it could not claim, later starts also run on their own).
     */
    public static Outcome handOverOrClaim(Path dir, Path workspace, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            if (handOver(dir, workspace)) {
                return new Outcome(true, null);
            }
            Optional<SingleInstance> claimed = claim(dir);
            if (claimed.isPresent()) {
                return new Outcome(false, claimed.get());
            }
            if (System.nanoTime() > deadline) {
                LOG.warning("Another Segmint holds " + dir.resolve(LOCK_FILE) + " but does not answer; starting alone");
                return new Outcome(false, null);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(false, null);
            }
        }
    }

    /** Asks the running Segmint to open {@code workspace} (null: show its window); false when none answers. */
    public static boolean handOver(Path dir, Path workspace) {
        Path socket = dir.resolve(SOCKET_FILE);
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
            out.writeUTF(workspace == null ? SHOW_ONLY : workspace.toString());
            out.flush();
            return OK.equals(new DataInputStream(Channels.newInputStream(channel)).readUTF());
        } catch (IOException | RuntimeException e) {
            // no one listens (a socket file left by a crash), or it went away mid-way
            return false;
        }
    }

    /** Becomes the running Segmint: empty when another process (or this one) already is. */
    public static Optional<SingleInstance> claim(Path dir) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            Path socket = dir.resolve(SOCKET_FILE);
            // we hold the lock: whatever socket file is there was left by a process that ended
            Files.deleteIfExists(socket);
            ServerSocketChannel server = listenOn(socket);
            SingleInstance instance = new SingleInstance(channel, lock, server, socket);
            if (server != null) {
                Thread listener = new Thread(instance::listen, "segmint-instance");
                listener.setDaemon(true);
                listener.start();
            }
            // also when the app is ended from outside (the lock goes with the process anyway; this tidies the file)
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "segmint-instance-close"));
            return Optional.of(instance);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot listen for other starts of Segmint in " + dir, e);
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing held
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Where requests go: called on a background thread with the workspace to open, or empty to show the window.
     * Requests that came before the handler are delivered to it now.
     */
    public void onRequest(Consumer<Optional<Path>> handler) {
        List<Optional<Path>> waiting;
        synchronized (this) {
            this.handler = handler;
            waiting = new ArrayList<>(pending);
            pending.clear();
        }
        waiting.forEach(handler);
    }

    @Override
    public synchronized void close() {
        if (!lockChannel.isOpen()) {
            return;
        }
        try {
            if (server != null) {
                server.close();
                Files.deleteIfExists(socket);
            }
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the instance lock", e);
        }
    }

    /**
     * The socket, or null where none can be made (a data folder path longer than a socket name may be, a Windows
     * older than 10): this start still holds the lock and runs; later starts wait briefly, then run on their own.
     */
    private static ServerSocketChannel listenOn(Path socket) {
        ServerSocketChannel server = null;
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            ownerOnly(socket);
            return server;
        } catch (IOException | RuntimeException e) {
            LOG.warning("Cannot listen for other starts of Segmint on " + socket + " (" + e.getMessage()
                    + "); they will open windows of their own");
            if (server != null) {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // it never listened
                }
            }
            return null;
        }
    }

    private void listen() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                String text = new DataInputStream(Channels.newInputStream(client)).readUTF();
                Optional<Path> request = text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
                deliver(request);
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(client));
                out.writeUTF(OK);
                out.flush();
            } catch (IOException | RuntimeException e) {
                if (server.isOpen()) {
                    LOG.log(Level.FINE, "A start of Segmint could not hand over its request", e);
                }
            }
        }
    }

    private void deliver(Optional<Path> request) {
        Consumer<Optional<Path>> h;
        synchronized (this) {
            h = handler;
            if (h == null) {
                pending.add(request);
                return;
            }
        }
        h.accept(request);
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Windows: the data folder's own permissions protect it
        }
    }
}
