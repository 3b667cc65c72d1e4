package dev.gputel.benchmarks.nvidiasmi;

import com.sun.management.OperatingSystemMXBean;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.gputel.receiver.nvidiasmi.NvidiaSmiReceiverFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Telemetry;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.receiver.Receiver;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the nvidia-smi receiver in one mode until it has sent a number of samples and prints the
 * CPU time this JVM used per sample: everything the agent spends on a poll (starting or reading
 * the process, parsing, building the batch, GC and JIT), not nvidia-smi's own CPU.
 *
 * <pre>java -cp benchmarks.jar dev.gputel.benchmarks.nvidiasmi.NvidiaSmiModeCpu BINARY MODE INTERVAL WARMUP SAMPLES</pre>
 *
 * Not a JMH benchmark: JMH measures the time of a call on the benchmark thread, and the cost here is
 * the process's, spread over the receiver's threads and a child process.
 */
public final class NvidiaSmiModeCpu {
  private NvidiaSmiModeCpu() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: NvidiaSmiModeCpu <nvidia-smi> <loop|one-shot> <interval> <warmup samples> <samples>");
      System.exit(2);
    }
    String mode = args[1];
    int warmup = Integer.parseInt(args[3]);
    int samples = Integer.parseInt(args[4]);
    Config config = ConfigFactory.parseString("""
            binary = "%s"
            mode = %s
            interval = %s
            remapped-rows-interval = 0s
            """.formatted(args[0], mode, args[2]))
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.receivers.nvidia-smi"))
        .resolve();
    Semaphore arrived = new Semaphore(0);
    Consumers consumers = new Consumers(batch -> count(batch, arrived), events -> {});
    Path state = Files.createTempDirectory("gputel-bench-nvidia-smi");
    ComponentSettings settings = new ComponentSettings(new ComponentId(ComponentKind.RECEIVER, "nvidia-smi", ""),
        Telemetry.noop(), Clock.systemUTC(), state, "bench");
    Receiver receiver = new NvidiaSmiReceiverFactory().create(settings, config, consumers);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    receiver.start(error -> {
      throw new IllegalStateException(error);
    });
    try {
      await(arrived, warmup);
      long cpuStart = os.getProcessCpuTime();
      long wallStart = System.nanoTime();
      await(arrived, samples);
      long cpu = os.getProcessCpuTime() - cpuStart;
      long wall = System.nanoTime() - wallStart;
      System.out.printf("mode=%s interval=%s samples=%d cpu=%.1f ms cpu/sample=%.3f ms wall=%.1f s cpu%%=%.2f%n",
          mode, args[2], samples, cpu / 1e6, cpu / 1e6 / samples, wall / 1e9, 100.0 * cpu / wall);
    } finally {
      receiver.shutdown();
    }
  }

  private static void count(MetricBatch batch, Semaphore arrived) {
    if (batch.size() > 0) {
      arrived.release();
    }
  }

  private static void await(Semaphore arrived, int samples) throws InterruptedException {
    if (!arrived.tryAcquire(samples, 10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("fewer than " + samples + " samples within 10 minutes");
    }
  }
}
