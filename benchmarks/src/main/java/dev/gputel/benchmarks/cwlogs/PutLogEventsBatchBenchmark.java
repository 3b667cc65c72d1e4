package dev.gputel.benchmarks.cwlogs;

import dev.gputel.exporter.cloudwatchlogs.EventFormat;
import dev.gputel.exporter.cloudwatchlogs.LogEvent;
import dev.gputel.exporter.cloudwatchlogs.PutLogEventsBatcher;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast the cloudwatch-logs exporter builds PutLogEvents calls, in events per second: turning
 * classified Xid events into messages (JSON or raw) and planning them into calls within the limits
 * (sort, time window, 10,000 events, 1 MiB with 26 bytes each, 24 h span). The HTTP call is not
 * measured.
 *
 * <p>Input: SYNTHETIC classified Xid 79 events on 8 GPUs with the attributes the xid-classifier adds
 * (the driver's line layout; pids, times and ids made up), spread over 30 hours and shuffled a
 * little (each event moved by up to 16 places), so sorting and the span split both do work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PutLogEventsBatchBenchmark {
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  /** Events per exported batch. */
  @Param({"100", "25000"})
  public int events;

  /** Message layout. */
  @Param({"json", "raw"})
  public String format;

  private Resource resource;
  private List<Event> input;
  private List<LogEvent> formatted;
  private EventFormat eventFormat;
  private final PutLogEventsBatcher batcher = new PutLogEventsBatcher();

  /** Calls and bytes per plan, to read the batches the score stands for. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Shape {
    public long calls;
    public long bytes;
  }

  @Setup(Level.Trial)
  public void setUp() {
    resource = Resource.empty().merge(Attributes.builder().put("host.id", "i-0abc1234def567890")
        .put("host.name", "gpu-node-7").put("cloud.region", "us-east-1").build());
    eventFormat = format.equals("raw") ? EventFormat.raw() : EventFormat.json();
    long spanMillis = Duration.ofHours(30).toMillis();
    Instant start = NOW.minus(Duration.ofHours(29));
    List<Event> list = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      list.add(event(i, start.plusMillis(spanMillis * i / events)));
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i + 16 < list.size(); i += 8) {
      Collections.swap(list, i, i + random.nextInt(16));
    }
    input = List.copyOf(list);
    formatted = new ArrayList<>(events);
    for (Event e : input) {
      formatted.add(new LogEvent(e.timestamp().toEpochMilli(), eventFormat.message(e, resource), e.id()));
    }
  }

  private static Event event(int i, Instant time) {
    int gpu = i % 8;
    String bus = String.format(Locale.ROOT, "0000:%02x:00", 0x10 + gpu * 0x10);
    Attributes attributes = Attributes.builder()
        .put("log.kind", "xid").put("xid.code", 79L).put("xid.pci", bus)
        .put("gpu.pci.bus_id", "0000" + bus.toUpperCase(Locale.ROOT) + ".0").put("gpu.index", (long) gpu)
        .put("hw.id", "GPU-" + gpu + "a3b2c1d-0000-1111-2222-333344445555").put("hw.model", "NVIDIA H100 80GB HBM3")
        .put("xid.known", true).put("xid.mnemonic", "ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS")
        .put("xid.description", "GPU has fallen off the bus").put("xid.severity", "FATAL")
        .put("xid.action.immediate", "RESET_GPU").put("xid.action.investigatory", "WORKFLOW_XID_79")
        .put("process.pid", 1000L + i).put("process.executable.name", "python")
        .put("xid.burst.id", "b-" + gpu).put("xid.burst.count", 1L).build();
    String body = "NVRM: Xid (PCI:" + bus + "): 79, pid=" + (1000 + i) + ", name=python, GPU has fallen off the bus.";
    return new Event(time, Severity.FATAL, body, attributes, "kern-" + i);
  }

  /** Planning only: messages already formatted. Score x events = events/s. */
  @Benchmark
  public void plan(Shape shape, Blackhole bh) {
    PutLogEventsBatcher.Plan plan = batcher.plan(formatted, NOW);
    count(plan, shape);
    bh.consume(plan);
  }

  /** What an export does before its HTTP calls: format every event, then plan. */
  @Benchmark
  public void formatAndPlan(Shape shape, Blackhole bh) {
    List<LogEvent> messages = new ArrayList<>(input.size());
    for (Event e : input) {
      messages.add(new LogEvent(e.timestamp().toEpochMilli(), eventFormat.message(e, resource), e.id()));
    }
    PutLogEventsBatcher.Plan plan = batcher.plan(messages, NOW);
    count(plan, shape);
    bh.consume(plan);
  }

  private static void count(PutLogEventsBatcher.Plan plan, Shape shape) {
    for (PutLogEventsBatcher.Batch batch : plan.batches()) {
      shape.calls++;
      shape.bytes += batch.bytes();
    }
  }
}
