package dev.gputel.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's catalog table must list the catalog as the code has it. */
class ReadmeTest {

  @Test
  void readmeListsEveryMetricWithItsExporterNames() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (GpuMetric metric : GpuMetric.values()) {
      String smiField = metric.smiField() == null ? "—" : metric.smiField();
      assertThat(readme).as(metric.id()).contains("| `" + metric.id() + "` | `" + smiField + "` | " + metric.nvml() + " | "
          + metric.unit().ucum() + " | ");
      assertThat(readme).as(metric.id()).contains("`" + metric.cloudWatchName() + "` (" + metric.cloudWatchUnit() + ")")
          .contains("`" + metric.prometheusName() + "`").contains("`" + metric.otelName());
    }
  }
}
