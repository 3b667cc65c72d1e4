package dev.gputel.benchmarks.kernellog;

import com.typesafe.config.ConfigFactory;
import dev.gputel.receiver.kernellog.KernelLogReceiverFactory;
import dev.gputel.runtime.Agent;
import dev.gputel.runtime.AgentContext;
import dev.gputel.runtime.ComponentCreator;
import dev.gputel.runtime.config.AgentSpec;
import dev.gputel.runtime.config.ConfigValidator;
import dev.gputel.runtime.plugin.ComponentRegistry;
import dev.gputel.runtime.plugin.FactoryInfo;
import dev.gputel.spi.component.ComponentKind;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Latency from a kernel line appended to a journal file to the event reaching an exporter.
 *
 * <p>One {@code systemd-journal-remote -o <dir>/x.journal -} process appends export-format entries
 * to a real journal file as they arrive on its standard input; a real agent (the kernel-log
 * receiver following that directory through journalctl, one exporter behind the runtime's queue
 * or its on-disk spool) notes when each line reaches the exporter. Every {@code interval} the
 * program writes {@code noise} ordinary kernel lines and then one Xid line, noting the time just
 * before the write; the latency of the Xid line is its arrival minus that time. The first
 * {@code warmup} lines are not counted.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.gputel.benchmarks.kernellog.JournalLatency \
 *     [lines=1000] [noise=99] [interval-ms=20] [warmup=50]
 * </pre>
 */
public final class JournalLatency {
  private static final Path JOURNAL_REMOTE = Path.of("/lib/systemd/systemd-journal-remote");

  private JournalLatency() {}

  public static void main(String[] args) throws Exception {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int noise = args.length > 1 ? Integer.parseInt(args[1]) : 99;
    long intervalMillis = args.length > 2 ? Long.parseLong(args[2]) : 20;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    System.out.printf(Locale.ROOT, "%d Xid lines, %d noise lines before each, one every %d ms, %d warmup lines%n",
        lines, noise, intervalMillis, warmup);
    for (boolean spool : new boolean[] {true, false}) {
      long[] micros = run(lines, noise, intervalMillis, warmup, spool);
      Arrays.sort(micros);
      System.out.printf(Locale.ROOT, "%-34s p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (n=%d)%n",
          spool ? "spool (fsync = always):" : "memory queue:", percentile(micros, 50), percentile(micros, 90),
          percentile(micros, 99), micros[micros.length - 1] / 1000.0, micros.length);
    }
  }

  private static long[] run(int lines, int noise, long intervalMillis, int warmup, boolean spool) throws Exception {
    Path directory = Files.createTempDirectory("gputel-bench-journal");
    Path journal = Files.createDirectories(directory.resolve("journal"));
    String bootId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    ArrivalExporterFactory.ARRIVALS.clear();
    Process remote = new ProcessBuilder(JOURNAL_REMOTE.toString(), "-o", journal.resolve("x.journal").toString(), "-")
        .redirectErrorStream(true).redirectOutput(directory.resolve("journal-remote.log").toFile()).start();
    OutputStream in = remote.getOutputStream();
    long micros = 1_000_000;
    in.write(ExportFormat.kernelEntry(bootId, micros, "NVRM: loading NVIDIA UNIX x86_64 Kernel Module #-1"));
    in.flush();

    Agent agent = startAgent(directory, journal, spool);
    try {
      await(-1);
      int total = warmup + lines;
      long[] sent = new long[total];
      for (int i = 0; i < total; i++) {
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        for (int n = 0; n < noise; n++) {
          burst.writeBytes(ExportFormat.kernelEntry(bootId, ++micros,
              "usb 1-1: new high-speed USB device number " + n + " using xhci_hcd"));
        }
        burst.writeBytes(ExportFormat.kernelEntry(bootId, ++micros,
            "NVRM: Xid (PCI:0000:3b:00): 79, pid=1234, name=python, GPU has fallen off the bus. #" + i));
        sent[i] = System.nanoTime();
        in.write(burst.toByteArray());
        in.flush();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(intervalMillis)); // the pace of the lines
      }
      await(total - 1);
      long[] latencies = new long[lines];
      for (int i = 0; i < lines; i++) {
        latencies[i] = (ArrivalExporterFactory.ARRIVALS.get(warmup + i) - sent[warmup + i]) / 1000;
      }
      return latencies;
    } finally {
      agent.shutdown();
      in.close();
      remote.waitFor(30, TimeUnit.SECONDS);
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private static Agent startAgent(Path directory, Path journal, boolean spool) throws Exception {
    ComponentRegistry registry = new ComponentRegistry();
    registry.add(new FactoryInfo(ComponentKind.RECEIVER, new KernelLogReceiverFactory(), ""));
    registry.add(new FactoryInfo(ComponentKind.EXPORTER, new ArrivalExporterFactory(), ""));
    AgentSpec spec = new ConfigValidator(registry, new ComponentCreator(Clock.systemUTC()))
        .validate(ConfigFactory.parseString("""
            gputel {
              service { data-directory = "%s", admin.enabled = false, shutdown-timeout = 5s }
              receivers { kernel-log { source = journald, journald { directory = "%s", start-at = all } } }
              exporters { bench-arrival { spool { enabled = %s } } }
              pipelines { events { receivers = [kernel-log], exporters = [bench-arrival] } }
            }
            """.formatted(directory.resolve("data"), journal, spool)).resolve());
    Agent agent = Agent.create(spec, AgentContext.create(Throwable::printStackTrace));
    agent.start();
    return agent;
  }

  private static void await(int line) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!ArrivalExporterFactory.ARRIVALS.containsKey(line)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("line #" + line + " did not arrive within 60 s");
      }
      Thread.sleep(5); // Waiting for another process's work, at the end of a run: no latency is measured here.
    }
  }

  private static double percentile(long[] sortedMicros, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sortedMicros.length) - 1;
    return sortedMicros[Math.max(0, index)] / 1000.0;
  }
}
