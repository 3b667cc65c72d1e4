package dev.gputel.exporter.cloudwatchlogs;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;

/** The optional local copy: one message per line, appended and flushed per batch. */
final class EventFile {
  private final Writer writer;

  private EventFile(Writer writer) {
    this.writer = writer;
  }

  static EventFile open(Path path) throws IOException {
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    return new EventFile(Files.newBufferedWriter(path, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND));
  }

  synchronized void append(List<LogEvent> events) throws IOException {
    if (events.isEmpty()) {
      return;
    }
    for (LogEvent event : events) {
      // A message never spans lines in the file: a line end inside it would split it for a tailer.
      writer.write(event.message().replace('\n', ' ').replace('\r', ' '));
      writer.write('\n');
    }
    writer.flush();
  }

  synchronized void close(Logger log) {
    try {
      writer.close();
    } catch (IOException e) {
      log.warn("closing the event file failed: {}", e.getMessage());
    }
  }
}
