package dev.gputel.runtime.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable, bounded, append-only queue of byte records on disk.
 *
 * <p>Appends are group-committed: callers hand their record to one writer thread, which writes
 * every waiting record in one system call and forces them to disk together according to the
 * {@link FsyncPolicy}, then releases all those callers. Readers take records in append order and
 * {@linkplain #ack acknowledge} them once delivered; only then may a record's segment be deleted.
 * After a crash, {@link #open} keeps every complete record that was not acknowledged and discards
 * (and counts) a record cut short at the tail.
 */
public final class Spool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Spool.class);

  private final Path directory;
  private final SpoolSettings settings;
  private final FileChannel lockChannel;
  private final FileLock directoryLock;
  private final AckFile ackFile;
  private final RecoveryReport recovery;

  // Reader and acknowledgement state, and the segment map, are guarded by this lock.
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition committed = lock.newCondition();
  private final TreeMap<Long, Segment> segments = new TreeMap<>();
  private final TreeSet<Position> inFlight = new TreeSet<>();
  private Position readCursor;
  private Position acked;
  private final ReentrantLock readLock = new ReentrantLock();

  // Appends wait here for the writer thread.
  private final Object appendLock = new Object();
  private final ArrayDeque<PendingAppend> pending = new ArrayDeque<>();
  private long reservedBytes;
  private Segment active; // written only by the writer thread once open
  private long lastForceNanos = System.nanoTime();
  private boolean dirty;

  private final AtomicLong diskBytes = new AtomicLong();
  private final LongAdder corruptRecords = new LongAdder();
  private final Thread writer;
  private volatile boolean closed;

  private Spool(Path directory, SpoolSettings settings, FileChannel lockChannel, FileLock directoryLock,
      AckFile ackFile, RecoveryReport recovery) {
    this.directory = directory;
    this.settings = settings;
    this.lockChannel = lockChannel;
    this.directoryLock = directoryLock;
    this.ackFile = ackFile;
    this.recovery = recovery;
    this.writer = Thread.ofPlatform().daemon().name("gputel-spool-" + directory.getFileName()).unstarted(this::writeLoop);
  }

  /** Opens (creating or recovering) the spool in {@code directory}. */
  public static Spool open(Path directory, SpoolSettings settings) throws IOException {
    Files.createDirectories(directory);
    FileChannel lockChannel = FileChannel.open(directory.resolve("lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock directoryLock;
    try {
      directoryLock = lockChannel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      directoryLock = null; // Held by another spool of this same process.
    }
    if (directoryLock == null) {
      lockChannel.close();
      throw new IOException("spool directory " + directory + " is in use by another spool or process");
    }
    AckFile ackFile = AckFile.open(directory.resolve("ack.state"));
    Recovery.Result recovered = Recovery.run(directory, ackFile);
    Spool spool = new Spool(directory, settings, lockChannel, directoryLock, ackFile, recovered.report());
    recovered.segments().forEach(segment -> spool.segments.put(segment.id, segment));
    spool.active = spool.segments.lastEntry().getValue();
    spool.active.channel.position(spool.active.end);
    spool.readCursor = recovered.ack();
    spool.acked = recovered.ack();
    spool.diskBytes.set(recovered.diskBytes());
    spool.writer.start();
    return spool;
  }

  /** Returns what {@link #open} found on disk. */
  public RecoveryReport recovery() {
    return recovery;
  }

  /**
   * Appends one record and returns once it is written (and forced, under {@link
   * FsyncPolicy#ALWAYS}). Throws {@link SpoolFullException}, having written nothing, when the
   * record would take the spool over its cap.
   */
  public void append(byte[] payload) throws IOException, SpoolFullException, InterruptedException {
    ByteBuffer frame = Frames.frame(payload);
    PendingAppend append = new PendingAppend(frame, new CompletableFuture<>());
    synchronized (appendLock) {
      if (closed) {
        throw new IOException("spool " + directory + " is closed");
      }
      // Each append may start a new segment, so it reserves room for a segment header too: the
      // cap is never exceeded, at the price of a few bytes of slack.
      long needed = append.reservation();
      if (diskBytes.get() + reservedBytes + needed > settings.maxSize()) {
        throw new SpoolFullException("spool " + directory + " is full: " + (diskBytes.get() + reservedBytes)
            + " of " + settings.maxSize() + " bytes in use");
      }
      reservedBytes += needed;
      pending.add(append);
      appendLock.notifyAll();
    }
    try {
      append.done().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /**
   * Returns the next record not yet handed out, waiting up to {@code timeout} for one; null when
   * none arrived or the spool closed.
   */
  public SpoolRecord next(long timeout, TimeUnit unit) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    readLock.lockInterruptibly();
    try {
      while (true) {
        Segment segment;
        long offset;
        long end;
        lock.lockInterruptibly();
        try {
          while (true) {
            if (closed) {
              return null;
            }
            segment = segments.get(readCursor.segment());
            if (segment == null) {
              Long next = segments.ceilingKey(readCursor.segment());
              readCursor = new Position(next, Frames.SEGMENT_HEADER);
              continue;
            }
            if (readCursor.offset() < segment.end) {
              break;
            }
            if (segment.sealed) {
              readCursor = new Position(segments.higherKey(segment.id), Frames.SEGMENT_HEADER);
              continue;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
              return null;
            }
            committed.awaitNanos(remaining);
          }
          offset = readCursor.offset();
          end = segment.end;
        } finally {
          lock.unlock();
        }
        // Read outside the main lock, so appends and acknowledgements go on meanwhile.
        byte[] payload = Frames.read(segment.channel, offset, end);
        lock.lock();
        try {
          if (payload == null) {
            corruptRecords.increment();
            log.error("spool {}: damaged record in segment {} at offset {}; skipping the rest of that segment",
                directory, segment.id, offset);
            readCursor = new Position(segment.id, end);
            continue;
          }
          Position position = new Position(segment.id, offset);
          readCursor = new Position(segment.id, offset + Frames.RECORD_HEADER + payload.length);
          inFlight.add(position);
          return new SpoolRecord(segment.id, offset, payload);
        } finally {
          lock.unlock();
        }
      }
    } finally {
      readLock.unlock();
    }
  }

  /** Marks a record delivered; once every earlier record is too, its space can be reclaimed. */
  public void ack(SpoolRecord record) throws IOException {
    lock.lock();
    try {
      inFlight.remove(record.position());
      Position upTo = inFlight.isEmpty() ? readCursor : inFlight.first();
      if (!acked.isBefore(upTo)) {
        return;
      }
      acked = upTo;
      ackFile.write(upTo);
      while (segments.firstKey() < upTo.segment()) {
        Segment done = segments.pollFirstEntry().getValue();
        done.close();
        diskBytes.addAndGet(-Files.size(done.path));
        Files.delete(done.path);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Returns true when every appended record has been handed out and acknowledged. */
  public boolean isDrained() {
    synchronized (appendLock) {
      if (!pending.isEmpty()) {
        return false;
      }
    }
    lock.lock();
    try {
      Segment last = segments.lastEntry().getValue();
      return inFlight.isEmpty() && readCursor.segment() == last.id && readCursor.offset() >= last.end;
    } finally {
      lock.unlock();
    }
  }

  /** Returns the bytes the spool takes on disk. */
  public long sizeBytes() {
    return diskBytes.get();
  }

  /** Returns how many damaged records reads have skipped since open. */
  public long corruptRecords() {
    return corruptRecords.sum();
  }

  public Path directory() {
    return directory;
  }

  /** Finishes pending appends, forces what is written to disk and releases the directory. */
  @Override
  public void close() throws IOException {
    synchronized (appendLock) {
      if (closed) {
        return;
      }
      closed = true;
      appendLock.notifyAll();
    }
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lock.lock();
    try {
      committed.signalAll();
      if (settings.fsync() != FsyncPolicy.NEVER) {
        active.channel.force(false);
      }
      ackFile.force();
      ackFile.close();
      segments.values().forEach(Segment::close);
    } finally {
      lock.unlock();
    }
    directoryLock.release();
    lockChannel.close();
  }

  private void writeLoop() {
    List<PendingAppend> group = new ArrayList<>();
    while (true) {
      synchronized (appendLock) {
        while (pending.isEmpty() && !closed) {
          try {
            long waitMillis = dirty && settings.fsync() == FsyncPolicy.INTERVAL
                ? Math.max(1, settings.fsyncInterval().toMillis() - elapsedSinceForceMillis()) : 0;
            appendLock.wait(waitMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          if (pending.isEmpty() && dirty && settings.fsync() == FsyncPolicy.INTERVAL
              && elapsedSinceForceMillis() >= settings.fsyncInterval().toMillis()) {
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
        writeGroup(group);
      } catch (IOException e) {
        failure = e;
        log.error("spool {}: write failed", directory, e);
      }
      long reserved = group.stream().mapToLong(PendingAppend::reservation).sum();
      synchronized (appendLock) {
        reservedBytes -= reserved;
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

  private void writeGroup(List<PendingAppend> group) throws IOException {
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
        || (settings.fsync() == FsyncPolicy.INTERVAL
            && elapsedSinceForceMillis() >= settings.fsyncInterval().toMillis())) {
      active.channel.force(false);
      lastForceNanos = System.nanoTime();
      dirty = false;
    }
    lock.lock();
    try {
      committed.signalAll();
    } finally {
      lock.unlock();
    }
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
    diskBytes.addAndGet(bytes);
    dirty = true;
    lock.lock();
    try {
      active.end += bytes;
    } finally {
      lock.unlock();
    }
  }

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
      forceDirectory();
    }
    diskBytes.addAndGet(Frames.SEGMENT_HEADER);
    Segment next = new Segment(id, path, channel, Frames.SEGMENT_HEADER);
    lock.lock();
    try {
      active.sealed = true;
      segments.put(id, next);
      active = next;
      committed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void forceDirectory() throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
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

  private long elapsedSinceForceMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastForceNanos);
  }

  static Stream<Path> segmentFiles(Path directory) throws IOException {
    return Files.list(directory).filter(Segment::isSegment).sorted();
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
