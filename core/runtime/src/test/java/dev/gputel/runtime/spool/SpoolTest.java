package dev.gputel.runtime.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
  private static final long MIB = 1024 * 1024;

  @TempDir Path directory;

  @Test
  void recordsComeBackInAppendOrder() throws Exception {
    try (Spool spool = open(64 * MIB, MIB)) {
      for (int i = 0; i < 100; i++) {
        spool.append(bytes("record-" + i));
      }
      for (int i = 0; i < 100; i++) {
        SpoolRecord record = spool.next(1, TimeUnit.SECONDS);
        assertThat(text(record)).isEqualTo("record-" + i);
        spool.ack(record);
      }
      assertThat(spool.next(10, TimeUnit.MILLISECONDS)).isNull();
      assertThat(spool.isDrained()).isTrue();
    }
  }

  @Test
  void restartDeliversWhatWasNotAcknowledgedAndNothingElse() throws Exception {
    try (Spool spool = open(64 * MIB, MIB)) {
      for (int i = 0; i < 10; i++) {
        spool.append(bytes("record-" + i));
      }
      for (int i = 0; i < 4; i++) {
        spool.ack(spool.next(1, TimeUnit.SECONDS));
      }
      spool.next(1, TimeUnit.SECONDS); // handed out, never acknowledged
    }
    try (Spool spool = open(64 * MIB, MIB)) {
      assertThat(spool.recovery().tornRecords()).isZero();
      assertThat(drain(spool)).containsExactly(
          "record-4", "record-5", "record-6", "record-7", "record-8", "record-9");
    }
    try (Spool spool = open(64 * MIB, MIB)) {
      assertThat(drain(spool)).isEmpty();
    }
  }

  @Test
  void acknowledgementOutOfOrderKeepsTheEarliestUnacknowledged() throws Exception {
    try (Spool spool = open(64 * MIB, MIB)) {
      for (int i = 0; i < 3; i++) {
        spool.append(bytes("record-" + i));
      }
      SpoolRecord first = spool.next(1, TimeUnit.SECONDS);
      SpoolRecord second = spool.next(1, TimeUnit.SECONDS);
      spool.ack(second);
      assertThat(first).isNotNull();
    }
    try (Spool spool = open(64 * MIB, MIB)) {
      // The first was never acknowledged, so it comes back; the second comes back with it
      // (at-least-once: the acknowledged position cannot pass an unacknowledged record).
      assertThat(drain(spool)).containsExactly("record-0", "record-1", "record-2");
    }
  }

  @Test
  void deliveredSegmentsAreDeleted() throws Exception {
    byte[] payload = new byte[1000];
    try (Spool spool = open(64 * MIB, 8 * 1024)) {
      for (int i = 0; i < 50; i++) {
        spool.append(payload);
      }
      assertThat(segments()).hasSizeGreaterThan(5);
      long before = spool.sizeBytes();
      for (int i = 0; i < 50; i++) {
        spool.ack(spool.next(1, TimeUnit.SECONDS));
      }
      assertThat(segments()).hasSize(1);
      assertThat(spool.sizeBytes()).isLessThan(before).isEqualTo(Files.size(segments().getFirst()));
    }
  }

  @Test
  void appendBeyondTheCapIsRefusedAndWritesNothing() throws Exception {
    try (Spool spool = open(16 * 1024, 4096)) {
      byte[] payload = new byte[1000];
      int accepted = 0;
      while (true) {
        try {
          spool.append(payload);
          accepted++;
        } catch (SpoolFullException e) {
          assertThat(e.getMessage()).contains("is full");
          break;
        }
      }
      long size = spool.sizeBytes();
      assertThatThrownBy(() -> spool.append(payload)).isInstanceOf(SpoolFullException.class);
      assertThat(spool.sizeBytes()).isEqualTo(size).isLessThanOrEqualTo(16 * 1024);
      assertThat(drain(spool)).hasSize(accepted);
    }
  }

  @Test
  void aTornTailIsDiscardedAndCountedWhereverTheCrashCut() throws Exception {
    try (Spool spool = open(64 * MIB, MIB)) {
      spool.append(bytes("complete-1"));
      spool.append(bytes("complete-2"));
      spool.append(bytes("cut-short-record"));
    }
    Path segment = segments().getFirst();
    byte[] original = Files.readAllBytes(segment);
    int lastRecordStart = original.length - (Frames.RECORD_HEADER + "cut-short-record".length());
    for (int cut = lastRecordStart + 1; cut < original.length; cut++) {
      Path copy = Files.createDirectories(directory.resolve("cut-" + cut));
      Files.write(copy.resolve(segment.getFileName()), java.util.Arrays.copyOf(original, cut));
      try (Spool spool = Spool.open(copy, SpoolSettings.of(copy, 64 * MIB, MIB, FsyncPolicy.ALWAYS))) {
        assertThat(spool.recovery().tornRecords()).as("cut at %d", cut).isEqualTo(1);
        assertThat(spool.recovery().tornBytes()).isEqualTo(cut - lastRecordStart);
        spool.append(bytes("after-restart"));
        assertThat(drain(spool)).containsExactly("complete-1", "complete-2", "after-restart");
      }
    }
  }

  @Test
  void garbageAfterTheLastRecordIsDiscarded() throws Exception {
    try (Spool spool = open(64 * MIB, MIB)) {
      spool.append(bytes("kept"));
    }
    try (FileChannel channel = FileChannel.open(segments().getFirst(), StandardOpenOption.APPEND)) {
      channel.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, 5, 1, 2, 3, 4, 'x', 'y', 'z', 'w', 'v'}));
    }
    try (Spool spool = open(64 * MIB, MIB)) {
      assertThat(spool.recovery().tornRecords()).isEqualTo(1);
      assertThat(spool.recovery().tornBytes()).isEqualTo(13);
      assertThat(drain(spool)).containsExactly("kept");
    }
  }

  @Test
  void aDamagedAcknowledgementSlotFallsBackToTheOtherOne() throws Exception {
    try (Spool spool = open(64 * MIB, MIB)) {
      for (int i = 0; i < 5; i++) {
        spool.append(bytes("record-" + i));
      }
      spool.ack(spool.next(1, TimeUnit.SECONDS)); // slot 0
      spool.ack(spool.next(1, TimeUnit.SECONDS)); // slot 1, newest
    }
    try (FileChannel ack = FileChannel.open(directory.resolve("ack.state"), StandardOpenOption.WRITE)) {
      ack.write(java.nio.ByteBuffer.wrap(new byte[] {(byte) 0xFF, 0x13}), 32 + 10);
    }
    try (Spool spool = open(64 * MIB, MIB)) {
      // Slot 1 is damaged; slot 0 says one record was delivered, so one more comes back.
      assertThat(drain(spool)).containsExactly("record-1", "record-2", "record-3", "record-4");
    }
  }

  @Test
  void concurrentAppendsAreEachStoredOnce() throws Exception {
    int threads = 8;
    int perThread = 500;
    try (Spool spool = open(64 * MIB, 256 * 1024)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            spool.append(bytes(thread + ":" + i));
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      pool.shutdown();
      List<String> records = drain(spool);
      assertThat(records).hasSize(threads * perThread).doesNotHaveDuplicates();
      for (int t = 0; t < threads; t++) {
        String prefix = t + ":";
        List<Integer> order = records.stream().filter(r -> r.startsWith(prefix))
            .map(r -> Integer.parseInt(r.substring(prefix.length()))).toList();
        assertThat(order).as("thread %d's records in its own order", t).isSorted().hasSize(perThread);
      }
    }
  }

  @Test
  void anInterruptedReadClosesOnlyTheReadersChannel() throws Exception {
    Path file = directory.resolve(Segment.fileName(7));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      channel.write(Frames.segmentHeader());
      channel.write(Frames.frame(bytes("record")));
      Segment segment = new Segment(7, file, channel, channel.size());

      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> Frames.read(segment.reader(), Frames.SEGMENT_HEADER, segment.end))
          .isInstanceOf(java.nio.channels.ClosedByInterruptException.class);
      Thread.interrupted();

      assertThat(channel.isOpen()).as("the writer's channel").isTrue();
      assertThat(Frames.read(segment.reader(), Frames.SEGMENT_HEADER, segment.end)).isEqualTo(bytes("record"));
      segment.close();
    }
  }

  @Test
  void aSpoolDirectoryCannotBeOpenedTwice() throws Exception {
    try (Spool spool = open(64 * MIB, MIB)) {
      assertThat(spool.directory()).isEqualTo(directory);
      assertThatThrownBy(() -> open(64 * MIB, MIB)).isInstanceOf(IOException.class)
          .hasMessageContaining("in use");
    }
  }

  @Test
  void everyFsyncPolicyKeepsDataAcrossACleanRestart() throws Exception {
    for (FsyncPolicy policy : FsyncPolicy.values()) {
      Path dir = directory.resolve(policy.name());
      try (Spool spool = Spool.open(dir, SpoolSettings.of(dir, 64 * MIB, 4096, policy))) {
        for (int i = 0; i < 20; i++) {
          spool.append(bytes(policy + "-" + i));
        }
      }
      try (Spool spool = Spool.open(dir, SpoolSettings.of(dir, 64 * MIB, 4096, policy))) {
        assertThat(drain(spool)).hasSize(20).startsWith(policy + "-0").endsWith(policy + "-19");
      }
    }
  }

  private Spool open(long maxSize, long segmentSize) throws IOException {
    return Spool.open(directory, SpoolSettings.of(directory, maxSize, segmentSize, FsyncPolicy.ALWAYS));
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Spool.segmentFiles(directory)) {
      return files.toList();
    }
  }

  /** Reads and acknowledges everything there is; returns the records as text. */
  static List<String> drain(Spool spool) throws Exception {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    SpoolRecord record;
    while ((record = spool.next(50, TimeUnit.MILLISECONDS)) != null) {
      out.add(text(record));
      seen.add(text(record));
      spool.ack(record);
    }
    return out;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(SpoolRecord record) {
    return new String(record.payload(), StandardCharsets.UTF_8);
  }
}
