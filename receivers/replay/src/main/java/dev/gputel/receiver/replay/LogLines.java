package dev.gputel.receiver.replay;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** The lines of one kernel-log capture, handed out as events a few at a time. */
final class LogLines {
  private final String fileName;
  private final List<String> lines;
  private int next;
  private long pass;

  LogLines(String fileName, List<String> lines) {
    this.fileName = fileName;
    this.lines = lines.stream().filter(line -> !line.isBlank()).toList();
  }

  boolean exhausted() {
    return next >= lines.size();
  }

  /** Starts the file over; events of the new pass get new ids. */
  void rewind() {
    next = 0;
    pass++;
  }

  /** Returns up to {@code count} next lines as events stamped {@code timestamp}. */
  List<Event> take(int count, Instant timestamp) {
    int end = Math.min(lines.size(), next + count);
    List<Event> events = new java.util.ArrayList<>(end - next);
    for (; next < end; next++) {
      long lineNumber = next + 1;
      Attributes attributes = Attributes.builder()
          .put("log.file.name", fileName)
          .put("log.file.line", lineNumber)
          .build();
      events.add(new Event(timestamp, Severity.INFO, lines.get(next), attributes,
          id(fileName + ":" + pass + ":" + lineNumber)));
    }
    return events;
  }

  private static String id(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
