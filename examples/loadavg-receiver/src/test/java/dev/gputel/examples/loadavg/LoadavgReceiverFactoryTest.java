package dev.gputel.examples.loadavg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.typesafe.config.ConfigUtil;
import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.testing.ComponentContractKit;
import dev.gputel.testing.TelemetrySink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract every gputel component passes, run against the loadavg receiver. */
class LoadavgReceiverFactoryTest extends ComponentContractKit {
  @TempDir Path directory;
  private Path loadavg;

  @BeforeEach
  void writeLoadavg() throws IOException {
    loadavg = Files.writeString(directory.resolve("loadavg"), "1.25 0.75 0.50 3/456 7890\n");
  }

  @Override
  protected ComponentFactory factory() {
    return new LoadavgReceiverFactory();
  }

  @Override
  protected String configBody() {
    return "path = " + ConfigUtil.quoteString(loadavg.toString());
  }

  /** The first read happens at start: wait for its batch and check it holds the file's values. */
  @Override
  protected void exercise(Component component, TelemetrySink sink) throws Exception {
    List<MetricBatch> batches = sink.awaitMetricBatches(1, Duration.ofSeconds(10));

    assertThat(batches.getFirst().points())
        .extracting(MetricPoint::name, MetricPoint::value, MetricPoint::unit, MetricPoint::timestamp)
        .containsExactly(
            tuple("system_load_average_1m", 1.25, "1", Instant.parse("2026-01-01T00:00:00Z")),
            tuple("system_load_average_5m", 0.75, "1", Instant.parse("2026-01-01T00:00:00Z")),
            tuple("system_load_average_15m", 0.5, "1", Instant.parse("2026-01-01T00:00:00Z")),
            tuple("system_processes_running", 3.0, "{process}", Instant.parse("2026-01-01T00:00:00Z")),
            tuple("system_processes_total", 456.0, "{process}", Instant.parse("2026-01-01T00:00:00Z")));
  }
}
