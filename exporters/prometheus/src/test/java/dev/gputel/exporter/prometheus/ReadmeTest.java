package dev.gputel.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.testing.ReadmeCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeTest {
  @Test
  void readmeQuotesTheDefaults() throws Exception {
    ReadmeCheck.assertReadmeQuotesReferenceConf(Path.of(""));
  }

  @Test
  void readmeListsEveryDcgmName() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (GpuMetric metric : GpuMetric.values()) {
      String name = DcgmNames.fieldName(metric);
      if (name != null) {
        assertThat(readme).contains("| `" + metric.id() + "` | `" + name + "` |");
      }
    }
  }
}
