package dev.gputel.receiver.kernellog;

import dev.gputel.spi.data.Attributes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Kernel messages from /dev/kmsg, for hosts without a persistent journal. The position is the
 * record sequence number of this boot; after a restart in the same boot, records up to the saved
 * one are skipped, and after a reboot the ring buffer is read from its start.
 */
final class KmsgSource implements LineSource {
  private final KmsgReader reader;
  private final BootInfo boot;
  private final StateFile state;
  private final ReceiverMetrics metrics;
  private final Logger log;
  private final long skipThrough;
  private long lastSequence;
  private long committedSequence;

  private KmsgSource(KmsgReader reader, BootInfo boot, StateFile state, long skipThrough, ReceiverMetrics metrics,
      Logger log) {
    this.reader = reader;
    this.boot = boot;
    this.state = state;
    this.skipThrough = skipThrough;
    this.lastSequence = skipThrough;
    this.committedSequence = skipThrough;
    this.metrics = metrics;
    this.log = log;
  }

  static KmsgSource open(KmsgConfig config, Duration pollInterval, StateFile state, ReceiverMetrics metrics,
      Clock clock, Logger log) throws IOException {
    BootInfo boot = BootInfo.read(config.bootIdPath(), config.uptimePath(), clock);
    long skipThrough = savedSequence(state, boot.bootId(), metrics, log);
    KmsgReader reader;
    try {
      reader = new KmsgReader(config.path(), pollInterval, () -> {
        metrics.kmsgOverruns.increment();
        log.warn("{}: records were overwritten before they were read (EPIPE); some may be lost", config.path());
      });
    } catch (IOException e) {
      throw new IOException("cannot open " + config.path() + ": " + e, e);
    }
    log.info("reading {} (boot {}) {}", config.path(), boot.bootId(),
        skipThrough < 0 ? "from the start of its buffer" : "after record " + skipThrough);
    return new KmsgSource(reader, boot, state, skipThrough, metrics, log);
  }

  /** The sequence number saved for this boot, or -1 (another boot, nothing saved, unreadable). */
  private static long savedSequence(StateFile state, String bootId, ReceiverMetrics metrics, Logger log)
      throws IOException {
    Map<String, String> saved = StateFile.keyValues(state.read());
    if (saved.isEmpty()) {
      return -1;
    }
    if (!bootId.equals(saved.get("boot-id"))) {
      log.info("new boot since the last run (was {}); reading the kernel buffer from its start",
          saved.get("boot-id"));
      return -1;
    }
    try {
      return Long.parseLong(saved.getOrDefault("seq", ""));
    } catch (NumberFormatException e) {
      log.warn("{} has no readable sequence number; reading the kernel buffer from its start", state.path());
      metrics.positionResets.increment();
      return -1;
    }
  }

  @Override
  public KernelLine next() throws IOException, InterruptedException {
    while (true) {
      KmsgReader.RawRecord raw = reader.next();
      KmsgRecord record;
      try {
        record = KmsgRecord.parse(raw.header(), 0, raw.header().length);
      } catch (IllegalArgumentException e) {
        metrics.badLines.increment();
        log.warn("kmsg record after {} cannot be read ({}); skipped: {}", lastSequence, e.getMessage(),
            MessageText.decode(raw.header()));
        continue;
      }
      if (record.sequence() <= skipThrough) {
        continue; // Accepted before the restart.
      }
      if (lastSequence >= 0 && record.sequence() > lastSequence + 1) {
        long missed = record.sequence() - lastSequence - 1;
        metrics.kmsgMissedRecords.add(missed);
        log.warn("{} kernel record(s) after {} were lost before they could be read", missed, lastSequence);
      }
      lastSequence = Math.max(lastSequence, record.sequence());
      return toLine(record, raw.dictionary());
    }
  }

  private KernelLine toLine(KmsgRecord record, List<String> dictionary) {
    Attributes.Builder extra = Attributes.builder().put("kmsg.seq", record.sequence());
    for (String entry : dictionary) {
      int equals = entry.indexOf('=');
      if (equals > 0) {
        extra.put("kmsg." + entry.substring(0, equals).toLowerCase(Locale.ROOT), entry.substring(equals + 1));
      }
    }
    return KernelLine.ofKernel(record.message(), boot.timeOf(record.monotonicMicros()), boot.bootId(),
        record.monotonicMicros(), null, record.level(), extra.build());
  }

  @Override
  public boolean ready() throws IOException {
    return reader.ready();
  }

  @Override
  public void commit() throws IOException {
    if (lastSequence == committedSequence) {
      return;
    }
    state.write(List.of("boot-id=" + boot.bootId(), "seq=" + lastSequence));
    committedSequence = lastSequence;
  }

  @Override
  public void close() {
    reader.close();
  }
}
