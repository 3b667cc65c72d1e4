package dev.gputel.testing;

/** Sources of small plugins the tests compile into real plugin jars. */
final class TestPlugins {
  private TestPlugins() {}

  /** A receiver factory of type {@code type}, in package {@code pkg}; reads its key "greeting". */
  static String helloFactory(String pkg, String type, String extraField) {
    return """
        package %s;

        import com.typesafe.config.Config;
        import dev.gputel.spi.component.*;
        import dev.gputel.spi.consumer.Consumers;
        import dev.gputel.spi.data.Signal;
        import dev.gputel.spi.receiver.*;
        import java.util.Set;

        public final class HelloFactory implements ReceiverFactory {
          %s
          public String type() { return "%s"; }
          public Stability stability() { return Stability.ALPHA; }
          public Set<Signal> signals() { return Set.of(Signal.METRICS); }
          public Receiver create(ComponentSettings settings, Config config, Consumers next) {
            config.getString("greeting");
            return new Receiver() {};
          }
        }
        """.formatted(pkg, extraField, type);
  }

  static String reference(String type) {
    return "gputel.receivers." + type + " { greeting = \"hi\" }\n";
  }

  /**
   * A plugin with a {@code burst} receiver (sends {@code count} one-point batches as soon as it
   * starts) and a {@code slow-file} exporter (appends each value to a file, taking {@code delay}
   * per batch): enough to see what a shutdown does with a backlog.
   */
  static PluginJarBuilder burstAndSlowFile() {
    return PluginJarBuilder.plugin("burst").requires(">=0.1.0")
        .source("test.burst.BurstFactory", """
            package test.burst;

            import com.typesafe.config.Config;
            import dev.gputel.spi.component.*;
            import dev.gputel.spi.consumer.Consumers;
            import dev.gputel.spi.data.*;
            import dev.gputel.spi.receiver.*;
            import java.time.Instant;
            import java.util.List;
            import java.util.Set;

            public final class BurstFactory implements ReceiverFactory {
              public String type() { return "burst"; }
              public Stability stability() { return Stability.DEVELOPMENT; }
              public Set<Signal> signals() { return Set.of(Signal.METRICS); }
              public Receiver create(ComponentSettings settings, Config config, Consumers next) {
                int count = config.getInt("count");
                return new Receiver() {
                  public void start(Host host) {
                    for (int i = 0; i < count; i++) {
                      next.metrics().consume(new MetricBatch(Resource.empty(), List.of(
                          MetricPoint.gauge("sequence", i, "1", Instant.now(), Attributes.empty()))));
                    }
                  }
                };
              }
            }
            """)
        .source("test.burst.SlowFileFactory", """
            package test.burst;

            import com.typesafe.config.Config;
            import dev.gputel.spi.component.*;
            import dev.gputel.spi.data.*;
            import dev.gputel.spi.exporter.*;
            import java.nio.file.*;
            import java.util.Set;

            public final class SlowFileFactory implements ExporterFactory {
              public String type() { return "slow-file"; }
              public Stability stability() { return Stability.DEVELOPMENT; }
              public Set<Signal> signals() { return Set.of(Signal.METRICS); }
              public Exporter create(ComponentSettings settings, Config config) {
                Path path = Path.of(config.getString("path"));
                long delay = config.getDuration("delay").toMillis();
                return new Exporter() {
                  public void exportMetrics(MetricBatch batch) throws ExportException {
                    try {
                      Thread.sleep(delay);
                      Files.writeString(path, (long) batch.points().getFirst().value() + "\\n",
                          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new RetryableExportException("interrupted");
                    } catch (java.io.IOException e) {
                      throw new RetryableExportException(e.getMessage(), e);
                    }
                  }
                };
              }
            }
            """)
        .extension("test.burst.BurstFactory")
        .extension("test.burst.SlowFileFactory")
        .resource("reference.conf", """
            gputel.receivers.burst { count = 100 }
            gputel.exporters.slow-file { path = null, delay = 20ms }
            """);
  }
}
