package dev.gputel.runtime.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable, bounded, append-only queue of byte records on disk.
 *
 * <p>Appends are group-committed by a {@link GroupCommitWriter}. Readers take records in append
 * order and {@linkplain #ack acknowledge} them once delivered; only then may a record's segment be
 * deleted. After a crash, {@link #open} keeps every complete record that was not acknowledged and
 * discards (and counts) a record cut short at the tail.
 */
public final class Spool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Spool.class);

  private final Path directory;
  private final FileChannel lockChannel;
  private final FileLock directoryLock;
  private final AckFile ackFile;
  private final RecoveryReport recovery;
  private final SegmentTable table;
  private final GroupCommitWriter writer;
  // Reading state, guarded by table.lock; readLock lets one reader at a time go to the disk.
  private final TreeSet<Position> inFlight = new TreeSet<>();
  private Position readCursor;
  private Position acked;
  private final ReentrantLock readLock = new ReentrantLock();
  private final LongAdder corruptRecords = new LongAdder();
  private volatile boolean closed;

  private Spool(Path directory, SpoolSettings settings, FileChannel lockChannel, FileLock directoryLock,
      AckFile ackFile, Recovery.Result recovered) {
    this.directory = directory;
    this.lockChannel = lockChannel;
    this.directoryLock = directoryLock;
    this.ackFile = ackFile;
    this.recovery = recovered.report();
    this.table = new SegmentTable();
    recovered.segments().forEach(segment -> table.segments.put(segment.id, segment));
    table.diskBytes.set(recovered.diskBytes());
    this.readCursor = recovered.ack();
    this.acked = recovered.ack();
    this.writer = new GroupCommitWriter(directory, settings, table, table.segments.lastEntry().getValue());
  }

  /** Opens (creating or recovering) the spool in {@code directory}. */
  public static Spool open(Path directory, SpoolSettings settings) throws IOException {
    Files.createDirectories(directory);
    FileChannel lockChannel = FileChannel.open(directory.resolve("lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock directoryLock;
    try {
      directoryLock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      directoryLock = null; // Held by another spool of this same process.
    }
    if (directoryLock == null) {
      lockChannel.close();
      throw new IOException("spool directory " + directory + " is in use by another spool or process");
    }
    AckFile ackFile = AckFile.open(directory.resolve("ack.state"));
    Recovery.Result recovered = Recovery.run(directory, ackFile);
    Segment last = recovered.segments().getLast();
    last.channel.position(last.end);
    Spool spool = new Spool(directory, settings, lockChannel, directoryLock, ackFile, recovered);
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
    writer.append(payload);
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
        table.lock.lockInterruptibly();
        try {
          while (true) {
            if (closed) {
              return null;
            }
            segment = table.segments.get(readCursor.segment());
            if (segment == null) {
              readCursor = new Position(table.segments.ceilingKey(readCursor.segment()), Frames.SEGMENT_HEADER);
              continue;
            }
            if (readCursor.offset() < segment.end) {
              break;
            }
            if (segment.sealed) {
              readCursor = new Position(table.segments.higherKey(segment.id), Frames.SEGMENT_HEADER);
              continue;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
              return null;
            }
            table.changed.awaitNanos(remaining);
          }
          offset = readCursor.offset();
          end = segment.end;
        } finally {
          table.lock.unlock();
        }
        // Read outside the table's lock, so appends and acknowledgements go on meanwhile.
        byte[] payload = Frames.read(segment.reader(), offset, end);
        table.lock.lock();
        try {
          if (payload == null) {
            corruptRecords.increment();
            log.error("spool {}: damaged record in segment {} at offset {}; skipping the rest of that segment",
                directory, segment.id, offset);
            readCursor = new Position(segment.id, end);
            continue;
          }
          readCursor = new Position(segment.id, offset + Frames.RECORD_HEADER + payload.length);
          inFlight.add(new Position(segment.id, offset));
          return new SpoolRecord(segment.id, offset, payload);
        } finally {
          table.lock.unlock();
        }
      }
    } finally {
      readLock.unlock();
    }
  }

  /** Marks a record delivered; once every earlier record is too, its space can be reclaimed. */
  public void ack(SpoolRecord record) throws IOException {
    table.lock.lock();
    try {
      inFlight.remove(record.position());
      Position upTo = inFlight.isEmpty() ? readCursor : inFlight.first();
      if (!acked.isBefore(upTo)) {
        return;
      }
      acked = upTo;
      ackFile.write(upTo);
      while (table.segments.firstKey() < upTo.segment()) {
        Segment done = table.segments.pollFirstEntry().getValue();
        done.close();
        table.diskBytes.addAndGet(-Files.size(done.path));
        Files.delete(done.path);
      }
    } finally {
      table.lock.unlock();
    }
  }

  /** Returns true when every appended record has been handed out and acknowledged. */
  public boolean isDrained() {
    if (writer.hasPending()) {
      return false;
    }
    table.lock.lock();
    try {
      Segment last = table.segments.lastEntry().getValue();
      return inFlight.isEmpty() && readCursor.segment() == last.id && readCursor.offset() >= last.end;
    } finally {
      table.lock.unlock();
    }
  }

  /** Returns the bytes the spool takes on disk. */
  public long sizeBytes() {
    return table.diskBytes.get();
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
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    writer.close();
    closed = true;
    table.lock.lock();
    try {
      table.changed.signalAll();
      ackFile.force();
      ackFile.close();
      table.segments.values().forEach(Segment::close);
    } finally {
      table.lock.unlock();
    }
    directoryLock.release();
    lockChannel.close();
  }

  static Stream<Path> segmentFiles(Path directory) throws IOException {
    return Files.list(directory).filter(Segment::isSegment).sorted();
  }
}
