package dev.gputel.runtime.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's one writer thread. Appending threads queue their record and wait; the writer takes
 * every waiting record, writes them with one gathering write, forces them with one fsync (per the
 * {@link FsyncPolicy}), makes them readable, and releases all those threads at once.
 *
 * <p>Why a thread of its own rather than letting the first waiting appender write for the others:
 * a {@code FileChannel} closes itself when a thread blocked in it is interrupted, and appenders are
 * receiver threads that get interrupted at shutdown. Only this thread, which nobody interrupts,
 * touches the segment being written.
 */
final class GroupCommitWriter {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

  private final Path directory;
  private final SpoolSettings settings;
  private final SegmentTable table;
  private final Thread thread;
  private final Object appendLock = new Object();
  private final ArrayDeque<PendingAppend> pending = new ArrayDeque<>();
  private long reservedBytes;
  private boolean closed;
  // Touched only by the writer thread (and by close, after it ended).
  private Segment active;
  private long lastForceNanos = System.nanoTime();
  private boolean dirty;

  GroupCommitWriter(Path directory, SpoolSettings settings, SegmentTable table, Segment active) {
    this.directory = directory;
    this.settings = settings;
    this.table = table;
    this.active = active;
    this.thread = Thread.ofPlatform().daemon().name("gputel-spool-" + directory.getFileName()).unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  /** Queues a record and waits until it is written (and forced, under {@code always}). */
  void append(byte[] payload) throws IOException, SpoolFullException, InterruptedException {
    PendingAppend append = new PendingAppend(Frames.frame(payload), new CompletableFuture<>());
    synchronized (appendLock) {
      if (closed) {
        throw new IOException("spool " + directory + " is closed");
      }
      // Each append may start a new segment, so it reserves room for a segment header too: the
      // cap is never exceeded, at the price of a few bytes of slack.
      long inUse = table.diskBytes.get() + reservedBytes;
      if (inUse + append.reservation() > settings.maxSize()) {
        throw new SpoolFullException("spool " + directory + " is full: " + inUse + " of "
            + settings.maxSize() + " bytes in use");
      }
      reservedBytes += append.reservation();
      pending.add(append);
      appendLock.notifyAll();
    }
    try {
      append.done().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  boolean hasPending() {
    synchronized (appendLock) {
      return !pending.isEmpty();
    }
  }

  /** Writes what is still queued, stops the thread and forces the last segment. */
  void close() throws IOException {
    synchronized (appendLock) {
      closed = true;
      appendLock.notifyAll();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (settings.fsync() != FsyncPolicy.NEVER) {
      active.channel.force(false);
    }
  }

  private void run() {
    List<PendingAppend> group = new ArrayList<>();
    while (true) {
      synchronized (appendLock) {
        while (pending.isEmpty() && !closed) {
          try {
            boolean forceDue = dirty && settings.fsync() == FsyncPolicy.INTERVAL;
            appendLock.wait(forceDue ? Math.max(1, untilNextForceMillis()) : 0); // 0: until notified
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          if (pending.isEmpty() && dirty && settings.fsync() == FsyncPolicy.INTERVAL && untilNextForceMillis() == 0) {
            forceQuietly();
          }
        }
        if (pending.isEmpty()) {
          return;
        }
        group.addAll(pending);
        pending.clear();
      }
      IOException failure = null;
      try {
        write(group);
      } catch (IOException e) {
        failure = e;
        log.error("spool {}: write failed", directory, e);
      }
      synchronized (appendLock) {
        reservedBytes -= group.stream().mapToLong(PendingAppend::reservation).sum();
      }
      for (PendingAppend append : group) {
        if (failure == null) {
          append.done().complete(null);
        } else {
          append.done().completeExceptionally(failure);
        }
      }
      group.clear();
    }
  }

  private void write(List<PendingAppend> group) throws IOException {
    List<ByteBuffer> batch = new ArrayList<>();
    long batchBytes = 0;
    for (PendingAppend append : group) {
      if (active.end + batchBytes + append.size() > settings.segmentSize()
          && active.end + batchBytes > Frames.SEGMENT_HEADER) {
        writeAll(batch, batchBytes);
        batch.clear();
        batchBytes = 0;
        roll();
      }
      batch.add(append.frame());
      batchBytes += append.size();
    }
    writeAll(batch, batchBytes);
    if (settings.fsync() == FsyncPolicy.ALWAYS
        || (settings.fsync() == FsyncPolicy.INTERVAL && untilNextForceMillis() == 0)) {
      active.channel.force(false);
      lastForceNanos = System.nanoTime();
      dirty = false;
    }
    table.signalChanged();
  }

  private void writeAll(List<ByteBuffer> buffers, long bytes) throws IOException {
    if (buffers.isEmpty()) {
      return;
    }
    ByteBuffer[] array = buffers.toArray(ByteBuffer[]::new);
    long written = 0;
    while (written < bytes) {
      written += active.channel.write(array);
    }
    table.diskBytes.addAndGet(bytes);
    dirty = true;
    table.lock.lock();
    try {
      active.end += bytes;
    } finally {
      table.lock.unlock();
    }
  }

  /** Starts the next segment; the current one is forced first, so only the last can end torn. */
  private void roll() throws IOException {
    if (settings.fsync() != FsyncPolicy.NEVER) {
      active.channel.force(false);
    }
    long id = active.id + 1;
    Path path = directory.resolve(Segment.fileName(id));
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    ByteBuffer header = Frames.segmentHeader();
    while (header.hasRemaining()) {
      channel.write(header);
    }
    if (settings.fsync() == FsyncPolicy.ALWAYS) {
      channel.force(true);
      try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
        dir.force(true); // the new file's directory entry
      }
    }
    table.diskBytes.addAndGet(Frames.SEGMENT_HEADER);
    Segment next = new Segment(id, path, channel, Frames.SEGMENT_HEADER);
    table.lock.lock();
    try {
      active.sealed = true;
      table.segments.put(id, next);
      active = next;
      table.changed.signalAll();
    } finally {
      table.lock.unlock();
    }
  }

  private void forceQuietly() {
    try {
      active.channel.force(false);
      lastForceNanos = System.nanoTime();
      dirty = false;
    } catch (IOException e) {
      log.error("spool {}: fsync failed", directory, e);
    }
  }

  /** Returns how long until the interval policy wants the next force; 0 once it is due. */
  private long untilNextForceMillis() {
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastForceNanos);
    return Math.max(0, settings.fsyncInterval().toMillis() - elapsed);
  }

  private record PendingAppend(ByteBuffer frame, CompletableFuture<Void> done) {
    long size() {
      return frame.capacity();
    }

    long reservation() {
      return size() + Frames.SEGMENT_HEADER;
    }
  }
}
