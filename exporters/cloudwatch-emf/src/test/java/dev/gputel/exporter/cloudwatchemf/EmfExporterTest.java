package dev.gputel.exporter.cloudwatchemf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.Resource;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmfExporterTest {
  @TempDir Path directory;

  @Test
  void everyCapturedGpuSampleBecomesOneValidDocumentPerLine() throws Exception {
    Path out = directory.resolve("emf.log");
    RecordingTelemetry telemetry = new RecordingTelemetry();
    EmfExporter exporter = new EmfExporter(Emf.settings("output = file, file.path = \"" + out + "\", units = proper"),
        new ComponentSettings(new ComponentId(ComponentKind.EXPORTER, "cloudwatch-emf", ""), telemetry,
            ManualClock.atFixedStart(), directory, "test"));
    exporter.start(new TestHost());
    int documents = 0;
    for (Path capture : List.of(Captures.H100_LOAD, Captures.RTX_2080_LOAD,
        Path.of("../../config/captures/nvidia-smi/l40s__595.80__load.csv"))) {
      for (MetricBatch batch : Captures.batches(capture, Resource.empty(), Instant.parse("2026-07-14T08:12:53Z"))) {
        exporter.exportMetrics(batch);
        documents++;
      }
    }
    exporter.shutdown();

    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(documents);
    EmfSchema.assertValid(lines);
    assertThat(telemetry.count("emf_documents_written")).isEqualTo(documents);
    assertThat(lines.getFirst()).contains("\"nvidia_smi_utilization_gpu\"", "\"Unit\":\"Percent\"", "\"name\":\"NVIDIA H100 80GB HBM3\"");
  }
}
