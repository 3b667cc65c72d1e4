package dev.gputel.benchmarks.outage;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.gpu.GpuRow;
import dev.gputel.gpu.SmiColumns;
import dev.gputel.runtime.spool.BatchCodec;
import dev.gputel.runtime.spool.FsyncPolicy;
import dev.gputel.runtime.spool.Spool;
import dev.gputel.runtime.spool.SpoolRecord;
import dev.gputel.runtime.spool.SpoolSettings;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import dev.gputel.spi.data.TelemetryBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Spool growth during a one-hour outage at 8 GPUs every second, without waiting an hour: 3,600
 * batches, one per simulated second, go into a real {@link Spool} the way
 * {@code SpooledExporter.offer} puts them there ({@link BatchCodec#encode}, then
 * {@link Spool#append}, with the exporters' default {@code fsync = always} and 16 MiB segments),
 * while nothing reads or acknowledges them: the destination is down. After every simulated 5
 * minutes it prints the spool's size on disk. Then the destination comes back and the hour is
 * drained as the exporter's worker drains it ({@code next}, {@code decode}, {@code ack}; the send
 * itself is not measured), and the drain is timed.
 *
 * <p>Three workloads: the compute profile (10 metrics per GPU) and every catalog metric of the real
 * H100 capture (one nvidia-smi row, repeated for 8 GPUs with their own index, UUID and bus id), as
 * the replay and nvml receivers build them (the seven identity attributes shared by the points of a
 * GPU, an EC2 resource); and classified Xid 79 events, one per second, round-robin over the GPUs
 * (SYNTHETIC: the driver's line layout and the attributes the xid-classifier adds, made-up pids).
 *
 * <p>Usage: {@code OutageSpoolGrowth [capture] [seconds]}; run from the repository root. The spool
 * is written under {@code java.io.tmpdir} and deleted at the end.
 */
public final class OutageSpoolGrowth {
  private static final Instant START = Instant.parse("2026-07-14T08:00:00Z");
  private static final long SEGMENT = 16L * 1024 * 1024; // the reference.conf default
  private static final long DEFAULT_CAP = 256L * 1024 * 1024; // the reference.conf default
  private static final int GPUS = 8;
  private static final int REPORT_EVERY = 300;
  private static final Set<GpuMetric> COMPUTE = EnumSet.of(GpuMetric.UTILIZATION_GPU, GpuMetric.POWER_DRAW,
      GpuMetric.UTILIZATION_MEMORY, GpuMetric.MEMORY_TOTAL, GpuMetric.MEMORY_USED, GpuMetric.MEMORY_FREE,
      GpuMetric.PCIE_LINK_GEN_CURRENT, GpuMetric.PCIE_LINK_WIDTH_CURRENT, GpuMetric.CLOCKS_CURRENT_SM,
      GpuMetric.CLOCKS_CURRENT_MEMORY);
  private static final Resource RESOURCE = new Resource(Attributes.builder().put("host.name", "ip-10-0-1-23")
      .put("host.id", "i-0123456789abcdef0").put("host.type", "p5.48xlarge").put("cloud.provider", "aws")
      .put("cloud.platform", "aws_ec2").put("cloud.region", "us-east-1")
      .put("cloud.availability_zone", "us-east-1a").put("cloud.account.id", "123456789012").build());

  private OutageSpoolGrowth() {}

  public static void main(String[] args) throws Exception {
    Path capture = Path.of(args.length > 0 ? args[0] : "config/captures/nvidia-smi/h100-80gb-hbm3__590.48.01__load.csv");
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3600;
    List<String> lines = Files.readAllLines(capture);
    GpuRow row = SmiColumns.ofHeader(lines.get(0)).read(lines.get(1));
    System.out.printf(Locale.ROOT, "%d simulated seconds, 8 GPUs, fsync = always, segment 16 MiB, spool under %s%n",
        seconds, System.getProperty("java.io.tmpdir"));
    run("compute", seconds, second -> metrics(row, second, COMPUTE::contains));
    run("full", seconds, second -> metrics(row, second, metric -> true));
    run("xid-events", seconds, OutageSpoolGrowth::events);
  }

  private static void run(String name, int seconds, IntFunction<TelemetryBatch> source) throws Exception {
    Path directory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "outage-");
    // No cap in the way: the point is how far an hour goes, compared afterwards with the default cap.
    SpoolSettings settings = SpoolSettings.of(directory, Long.MAX_VALUE / 4, SEGMENT, FsyncPolicy.ALWAYS);
    long items = 0;
    long appendNanos = 0;
    long bytesPerHour;
    System.out.printf(Locale.ROOT, "%n== %s ==%n%8s %14s%n", name, "minute", "spool bytes");
    try (Spool spool = Spool.open(directory, settings)) {
      for (int second = 0; second < seconds; second++) {
        TelemetryBatch batch = source.apply(second);
        items += batch.size();
        long start = System.nanoTime();
        spool.append(BatchCodec.encode(batch)); // what SpooledExporter.offer does
        appendNanos += System.nanoTime() - start;
        if ((second + 1) % REPORT_EVERY == 0) {
          System.out.printf(Locale.ROOT, "%8d %,14d%n", (second + 1) / 60, spool.sizeBytes());
        }
      }
      long size = spool.sizeBytes();
      long onDisk = directoryBytes(directory);
      bytesPerHour = size * 3600 / seconds;
      System.out.printf(Locale.ROOT, "items %,d, spool bytes %,d (files in directory: %,d), bytes per batch %,d, per item %.1f,"
              + " per hour %,d (%.1f MiB), default 256 MiB cap lasts %s, append (encode + fsync) mean %.2f ms%n",
          items, size, onDisk, size / seconds, (double) size / items, bytesPerHour, bytesPerHour / 1048576.0,
          lasts(bytesPerHour), appendNanos / 1e6 / seconds);

      // The destination is back: drain as SpooledExporter.work does, without the send.
      long start = System.nanoTime();
      long drained = 0;
      SpoolRecord record;
      while ((record = spool.next(0, TimeUnit.MILLISECONDS)) != null) {
        drained += BatchCodec.decode(record.payload()).size();
        spool.ack(record);
      }
      long drainNanos = System.nanoTime() - start;
      if (drained != items || !spool.isDrained()) {
        throw new AssertionError("drained " + drained + " of " + items + " items; drained=" + spool.isDrained());
      }
      System.out.printf(Locale.ROOT, "drain (next, decode, ack) of the outage: %.0f ms, %,.0f items/s; spool bytes after %,d (the active segment stays)%n",
          drainNanos / 1e6, drained / (drainNanos / 1e9), spool.sizeBytes());
    } finally {
      delete(directory);
    }
  }

  private static String lasts(long bytesPerHour) {
    Duration lasts = Duration.ofSeconds(DEFAULT_CAP * 3600 / bytesPerHour);
    return lasts.toDays() > 0 ? String.format(Locale.ROOT, "%.1f days", lasts.toSeconds() / 86400.0)
        : String.format(Locale.ROOT, "%.1f h", lasts.toSeconds() / 3600.0);
  }

  /** One collection of 8 GPUs at {@code second}, as a receiver builds it. */
  private static MetricBatch metrics(GpuRow row, int second, java.util.function.Predicate<GpuMetric> keep) {
    Instant time = START.plusSeconds(second);
    List<MetricPoint> points = new ArrayList<>();
    for (int gpu = 0; gpu < GPUS; gpu++) {
      Attributes attributes = row.attributes().toBuilder().put("gpu.index", (long) gpu)
          .put("hw.id", "GPU-4c1d3e7a-9b2f-4a6e-8d1c-00000000000" + gpu)
          .put("gpu.pci.bus_id", String.format(Locale.ROOT, "00000000:%02X:00.0", 0x18 + 0x10 * gpu)).build();
      points.addAll(row.points(time, attributes, keep::test));
    }
    return new MetricBatch(RESOURCE, points);
  }

  /** One classified Xid 79 event at {@code second} (SYNTHETIC, see the class comment). */
  private static EventBatch events(int second) {
    int gpu = second % GPUS;
    String bus = String.format(Locale.ROOT, "0000:%02x:00", 0x18 + 0x10 * gpu);
    Attributes attributes = Attributes.builder()
        .put("log.kind", "xid").put("xid.code", 79L).put("xid.pci", bus)
        .put("gpu.pci.bus_id", "0000" + bus.toUpperCase(Locale.ROOT) + ".0").put("gpu.index", (long) gpu)
        .put("hw.id", "GPU-4c1d3e7a-9b2f-4a6e-8d1c-00000000000" + gpu).put("hw.model", "NVIDIA H100 80GB HBM3")
        .put("xid.known", true).put("xid.mnemonic", "ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS")
        .put("xid.description", "GPU has fallen off the bus").put("xid.severity", "FATAL")
        .put("xid.action.immediate", "RESET_GPU").put("xid.action.investigatory", "WORKFLOW_XID_79")
        .put("process.pid", 1000L + second).put("process.executable.name", "python")
        .put("xid.burst.id", "b-" + gpu).put("xid.burst.count", 1L).build();
    String body = "NVRM: Xid (PCI:" + bus + "): 79, pid=" + (1000 + second)
        + ", name=python, GPU has fallen off the bus.";
    Event event = new Event(START.plusSeconds(second), Severity.FATAL, body, attributes, "kern-" + second);
    return new EventBatch(RESOURCE, List.of(event));
  }

  private static long directoryBytes(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      long total = 0;
      for (Path file : files.toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
