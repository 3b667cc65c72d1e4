package dev.gputel.benchmarks.emf;

import com.typesafe.config.ConfigFactory;
import dev.gputel.receiver.emf.EmfReceiverFactory;
import dev.gputel.runtime.Agent;
import dev.gputel.runtime.AgentContext;
import dev.gputel.runtime.ComponentCreator;
import dev.gputel.runtime.config.AgentSpec;
import dev.gputel.runtime.config.ConfigValidator;
import dev.gputel.runtime.plugin.ComponentRegistry;
import dev.gputel.runtime.plugin.FactoryInfo;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Telemetry;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.receiver.Receiver;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * EMF documents per second over TCP: {@code connections} clients each write their share of
 * {@code documents} newline-terminated documents as fast as the socket takes them, into a real
 * agent in this JVM (the emf receiver on a loopback port, one exporter that only counts) behind the
 * runtime's on-disk spool or its memory queue, and into the receiver alone. The rate is documents counted at the exporter over
 * the time from the first byte written to the last document counted. A warm-up pass of a fifth of
 * the documents runs first and is not counted.
 *
 * <p>The document is the EMF specification's example (about 300 bytes) with a current timestamp and
 * a log group, the same for every line.
 */
public final class EmfTcpThroughput {
  private static final String DOCUMENT = "{\"_aws\":{\"Timestamp\":%d,\"LogGroupName\":\"/bench/emf\","
      + "\"CloudWatchMetrics\":[{\"Namespace\":\"lambda-function-metrics\",\"Dimensions\":[[\"functionVersion\"]],"
      + "\"Metrics\":[{\"Name\":\"time\",\"Unit\":\"Milliseconds\",\"StorageResolution\":60}]}]},"
      + "\"functionVersion\":\"$LATEST\",\"time\":100,\"requestId\":\"989ffbf8-9ace-4817-a57c-e4dd734019ee\"}\n";

  private EmfTcpThroughput() {}

  public static void main(String[] args) throws Exception {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    byte[] line = DOCUMENT.formatted(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8);
    System.out.printf(Locale.ROOT, "%,d documents of %d bytes over %d connection(s), %d CPUs%n",
        documents, line.length, connections, Runtime.getRuntime().availableProcessors());
    for (String mode : new String[] {"receiver", "memory", "spool"}) {
      Path directory = Files.createTempDirectory("gputel-emf-bench");
      int port;
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      AutoCloseable running = mode.equals("receiver") ? startReceiver(directory, port) : startAgent(directory, port, mode);
      try {
        run(port, line, documents / 5, connections);
        double seconds = run(port, line, documents, connections);
        System.out.printf(Locale.ROOT, "%-9s %,10.0f documents/s  %6.1f MB/s  (%.2f s, %,d batches)%n",
            mode, documents / seconds, documents * (double) line.length / seconds / 1e6,
            seconds, CountingExporterFactory.BATCHES.get());
      } finally {
        running.close();
        try (Stream<Path> files = Files.walk(directory)) {
          for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
    }
  }

  /** Sends {@code documents} lines over {@code connections} sockets; returns the seconds until all arrived. */
  private static double run(int port, byte[] line, int documents, int connections) throws Exception {
    CountingExporterFactory.EVENTS.set(0);
    CountingExporterFactory.BATCHES.set(0);
    long start = System.nanoTime();
    List<Thread> senders = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int share = documents / connections + (c < documents % connections ? 1 : 0);
      senders.add(Thread.ofPlatform().start(() -> {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024)) {
          for (int i = 0; i < share; i++) {
            out.write(line);
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (Thread sender : senders) {
      sender.join();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (CountingExporterFactory.EVENTS.get() < documents) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(CountingExporterFactory.EVENTS.get() + " of " + documents + " arrived in 120 s");
      }
      Thread.sleep(1); // Waiting for the agent's threads to finish; 1 ms on runs of seconds.
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** The receiver alone, handing its batches straight to the counter: what the receiver itself costs. */
  private static AutoCloseable startReceiver(Path directory, int port) throws Exception {
    var config = ConfigFactory.parseString("tcp = \"127.0.0.1:%d\", udp = null".formatted(port))
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.receivers.emf")).resolve();
    var settings = new ComponentSettings(new ComponentId(ComponentKind.RECEIVER, "emf", ""), Telemetry.noop(),
        Clock.systemUTC(), directory, "bench");
    Receiver receiver = new EmfReceiverFactory().create(settings, config, new Consumers(batch -> { }, batch -> {
      CountingExporterFactory.BATCHES.incrementAndGet();
      CountingExporterFactory.EVENTS.addAndGet(batch.size());
    }));
    receiver.start(error -> { });
    return receiver::shutdown;
  }

  /**
   * A real agent: the receiver, the runtime's pipeline and an exporter that counts, behind the
   * on-disk spool (mode spool, its defaults) or the memory queue (mode memory, 100,000 batches so
   * that it does not drop: a full memory queue drops, where a full spool makes TCP wait).
   */
  private static AutoCloseable startAgent(Path directory, int port, String mode) throws Exception {
    ComponentRegistry registry = new ComponentRegistry();
    registry.add(new FactoryInfo(ComponentKind.RECEIVER, new EmfReceiverFactory(), ""));
    registry.add(new FactoryInfo(ComponentKind.EXPORTER, new CountingExporterFactory(), ""));
    AgentSpec spec = new ConfigValidator(registry, new ComponentCreator(Clock.systemUTC()))
        .validate(ConfigFactory.parseString("""
            gputel {
              service { data-directory = "%s", admin.enabled = false, shutdown-timeout = 5s }
              receivers { emf { tcp = "127.0.0.1:%d", udp = null } }
              exporters { bench-count { spool { enabled = %s }, queue { size = 100000 } } }
              pipelines { events { receivers = [emf], exporters = [bench-count] } }
            }
            """.formatted(directory.resolve("data"), port, mode.equals("spool"))).resolve());
    Agent agent = Agent.create(spec, AgentContext.create(Throwable::printStackTrace));
    agent.start();
    return agent::shutdown;
  }
}
