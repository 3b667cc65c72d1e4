package dev.gputel.runtime.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a spool directory back to a consistent state after any stop, clean or not: drops segments
 * already acknowledged, and cuts the last segment back to its last complete record. Only the last
 * segment can end in a torn record (the writer forces a segment before starting the next), so only
 * it is scanned; the others are checked record by record as they are read.
 */
final class Recovery {
  private static final Logger log = LoggerFactory.getLogger(Recovery.class);

  record Result(List<Segment> segments, Position ack, long diskBytes, RecoveryReport report) {}

  private Recovery() {}

  static Result run(Path directory, AckFile ackFile) throws IOException {
    Position ack = ackFile.read();
    List<Path> files;
    try (var stream = Spool.segmentFiles(directory)) {
      files = new ArrayList<>(stream.toList());
    }
    if (ack != null) {
      for (Path file : List.copyOf(files)) {
        if (Segment.idOf(file) < ack.segment()) {
          Files.delete(file);
          files.remove(file);
        }
      }
    }
    if (files.isEmpty()) {
      long id = ack == null ? 1 : ack.segment();
      files.add(directory.resolve(Segment.fileName(id)));
    }
    long firstId = Segment.idOf(files.getFirst());
    if (ack == null || ack.segment() != firstId) {
      ack = new Position(firstId, Frames.SEGMENT_HEADER);
    }

    List<Segment> segments = new ArrayList<>();
    long diskBytes = 0;
    long tornBytes = 0;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      boolean last = i == files.size() - 1;
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      if (!Frames.hasValidHeader(channel)) {
        if (channel.size() > 0) {
          log.error("spool {}: segment {} has no valid header; its {} bytes are discarded",
              directory, file.getFileName(), channel.size());
          tornBytes += channel.size();
        }
        channel.truncate(0);
        ByteBuffer header = Frames.segmentHeader();
        while (header.hasRemaining()) {
          channel.write(header, Frames.SEGMENT_HEADER - header.remaining());
        }
      }
      long size = channel.size();
      long end = size;
      if (last) {
        long start = ack.segment() == Segment.idOf(file) ? ack.offset() : Frames.SEGMENT_HEADER;
        end = scan(channel, start, size);
        if (end < size) {
          tornBytes += size - end;
          channel.truncate(end);
          channel.force(true);
        }
      }
      Segment segment = new Segment(Segment.idOf(file), file, channel, end);
      segment.sealed = !last;
      segments.add(segment);
      diskBytes += end;
    }
    if (ack.offset() > segments.getFirst().end) {
      ack = new Position(ack.segment(), segments.getFirst().end);
    }
    long tornRecords = tornBytes > 0 ? 1 : 0;
    if (tornRecords > 0) {
      log.warn("spool {}: discarded a record cut short by a crash ({} bytes)", directory, tornBytes);
    }
    long pending = 0;
    for (Segment segment : segments) {
      pending += segment.end - (segment.id == ack.segment() ? ack.offset() : Frames.SEGMENT_HEADER);
    }
    return new Result(segments, ack, diskBytes,
        new RecoveryReport(tornRecords, tornBytes, segments.size(), pending));
  }

  /** Returns the end of the last intact record at or after {@code start}. */
  private static long scan(FileChannel channel, long start, long size) throws IOException {
    long offset = start;
    byte[] payload;
    while ((payload = Frames.read(channel, offset, size)) != null) {
      offset += Frames.RECORD_HEADER + payload.length;
    }
    return offset;
  }
}
