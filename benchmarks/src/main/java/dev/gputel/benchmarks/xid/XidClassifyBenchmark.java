package dev.gputel.benchmarks.xid;

import com.typesafe.config.ConfigFactory;
import dev.gputel.processor.xidclassifier.XidClassifierProcessorFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Telemetry;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import dev.gputel.spi.processor.Processor;
import dev.gputel.xid.KernelLineParser;
import dev.gputel.xid.ParsedLine;
import dev.gputel.xid.SeverityPolicy;
import dev.gputel.xid.SxidLine;
import dev.gputel.xid.XidClassifier;
import dev.gputel.xid.XidReport;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Xid lines per second through full parse and classification, on the 53 real Xid, SXid and
 * fallen-off-the-bus lines of xid-lines.log, cycled to {@value #LINES}: {@code parseAndClassify}
 * is the parser and the classifier (catalog, severity policy); {@code processEvents} is the
 * xid-classifier processor on a batch of events (parse, classify, GPU identity, bursts, counters,
 * the new attributes and events).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class XidClassifyBenchmark {
  static final int LINES = 1_000;

  private String[] lines;
  private XidClassifier classifier;
  private Processor processor;
  private EventBatch batch;

  @Setup
  public void setUp() throws IOException {
    List<String> xids = KernelLogs.read(KernelLogs.XID_LINES).stream().filter(line -> {
      ParsedLine parsed = KernelLineParser.parse(line).orElse(null);
      return parsed instanceof XidReport || parsed instanceof SxidLine;
    }).toList();
    lines = new String[LINES];
    List<Event> events = new ArrayList<>(LINES);
    Instant start = Instant.parse("2026-07-14T08:00:00Z");
    for (int i = 0; i < LINES; i++) {
      lines[i] = xids.get(i % xids.size());
      events.add(new Event(start.plusMillis(i), Severity.INFO, lines[i], Attributes.empty(), "event-" + i));
    }
    batch = new EventBatch(Resource.empty(), events);
    classifier = XidClassifier.builtIn(SeverityPolicy.catalog());
    processor = new XidClassifierProcessorFactory().create(
        new ComponentSettings(new ComponentId(ComponentKind.PROCESSOR, "xid-classifier", ""), Telemetry.noop(),
            Clock.systemUTC(), Files.createTempDirectory("xid-bench"), "bench"),
        ConfigFactory.load().getConfig("gputel.processors.xid-classifier"));
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public int parseAndClassify() {
    int fatal = 0;
    for (String line : lines) {
      ParsedLine parsed = KernelLineParser.parse(line).orElseThrow();
      dev.gputel.xid.Classification classification = classifier.classify(parsed);
      if (classification.severity() == Severity.FATAL) {
        fatal++;
      }
    }
    return fatal;
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public EventBatch processEvents() {
    return processor.processEvents(batch);
  }
}
