package dev.gputel.receiver.kernellog;

import dev.gputel.spi.data.Attributes;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Kernel lines from classic syslog files (kern.log, messages, syslog), each followed through
 * rotation. The position is, per path, the file's identity and the offset after the last line
 * handed on; the state file holds one {@code <identity> <offset> <path>} line per path.
 */
final class FileSource implements LineSource {
  private final List<FollowedFile> files = new ArrayList<>();
  private final StateFile state;
  private final Duration pollInterval;
  private final Clock clock;
  private final ZoneId zone;
  private final StrftimeFormat timestampFormat;
  private volatile boolean closed;
  private int turn;
  private List<String> committed = List.of();

  private FileSource(FileConfig config, StateFile state, Duration pollInterval, Clock clock) {
    this.zone = config.zone();
    this.timestampFormat = config.timestampFormat();
    this.state = state;
    this.pollInterval = pollInterval;
    this.clock = clock;
  }

  /**
   * Opens every file that exists at its starting position and saves those positions at once, so
   * that {@code start-at = end} is decided once, not again after a restart.
   *
   * @param firstAttempt whether this is the receiver's first try: only then does start-at = end
   *     apply; a file that appears later is read from its start
   */
  static FileSource open(FileConfig config, boolean firstAttempt, Duration pollInterval, StateFile state,
      ReceiverMetrics metrics, Clock clock, Logger log) throws IOException {
    Map<Path, FollowedFile.Saved> saved = read(state, metrics, log);
    if (config.paths().stream().noneMatch(Files::exists)) {
      throw new IOException("none of the files exists yet: " + config.paths());
    }
    FileSource source = new FileSource(config, state, pollInterval, clock);
    boolean startAtEnd = firstAttempt && config.startAt() == StartAt.END;
    for (Path path : config.paths()) {
      FollowedFile file = new FollowedFile(path, saved.get(path), startAtEnd, metrics, log);
      file.begin();
      source.files.add(file);
    }
    source.commit();
    return source;
  }

  private static Map<Path, FollowedFile.Saved> read(StateFile state, ReceiverMetrics metrics, Logger log)
      throws IOException {
    Map<Path, FollowedFile.Saved> saved = new HashMap<>();
    for (String line : state.read()) {
      String[] parts = line.split(" ", 3);
      try {
        saved.put(Path.of(parts[2]), new FollowedFile.Saved(parts[0], Long.parseLong(parts[1])));
      } catch (RuntimeException e) {
        log.warn("{}: cannot read '{}'; that file starts at start-at", state.path(), line);
        metrics.positionResets.increment();
      }
    }
    return saved;
  }

  @Override
  public KernelLine next() throws IOException, InterruptedException {
    while (true) {
      if (closed) {
        throw new ClosedChannelException();
      }
      for (int i = 0; i < files.size(); i++) {
        FollowedFile file = files.get((turn + i) % files.size());
        FollowedFile.Line line = file.poll();
        if (line != null) {
          turn = (turn + i + 1) % files.size(); // Take turns, so one busy file cannot starve another.
          return toLine(file.path(), line);
        }
      }
      Thread.sleep(pollInterval);
    }
  }

  private KernelLine toLine(Path path, FollowedFile.Line line) {
    Instant now = clock.instant();
    Instant written = timestampFormat != null
        ? timestampFormat.parse(new String(line.bytes(), StandardCharsets.ISO_8859_1), now, zone)
        : SyslogTime.parse(line.bytes(), now, zone);
    return new KernelLine(line.bytes(), written != null ? written : now, null, -1, "file:" + line.identity(),
        line.offset(), null, -1, Attributes.of("log.file.path", path.toString()));
  }

  @Override
  public boolean ready() throws IOException {
    for (FollowedFile file : files) {
      if (file.ready()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void commit() throws IOException {
    List<String> lines = stateLines();
    if (!lines.equals(committed)) {
      state.write(lines);
      committed = lines;
    }
  }

  private List<String> stateLines() {
    List<String> lines = new ArrayList<>();
    for (FollowedFile file : files) {
      FollowedFile.Saved position = file.position();
      if (position != null) {
        lines.add(position.identity() + " " + position.offset() + " " + file.path());
      }
    }
    return lines;
  }

  @Override
  public void close() {
    closed = true;
    files.forEach(FollowedFile::close);
  }
}
