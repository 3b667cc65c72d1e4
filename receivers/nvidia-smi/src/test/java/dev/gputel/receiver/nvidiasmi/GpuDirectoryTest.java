package dev.gputel.receiver.nvidiasmi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.gpu.SmiColumns;
import dev.gputel.spi.data.Attributes;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpuDirectoryTest {
  @Test
  void busIdsOfEitherDomainWidthAndCaseAreTheSameGpu() {
    assertThat(GpuDirectory.normalize("0000:3B:00.0")).isEqualTo(GpuDirectory.normalize("00000000:3b:00.0"));
    assertThat(GpuDirectory.normalize(" 00000000:3B:00.0 ")).isEqualTo("00000000:3b:00.0");
  }

  @Test
  void namesAGpuByTheAttributesOfItsLatestSample() {
    List<String> lines = Captures.lines(Captures.L40S_LOAD);
    SmiColumns columns = SmiColumns.ofHeader(lines.get(0));
    GpuDirectory gpus = new GpuDirectory();
    gpus.update(new Sample(List.of(columns.read(lines.get(1)))));

    Attributes l40s = gpus.of("0000:01:00.0");

    assertThat(l40s.asMap()).containsEntry("gpu.index", 0L).containsEntry("hw.model", "NVIDIA L40S")
        .containsEntry("gpu.pci.bus_id", "00000000:01:00.0");
    assertThat(gpus.of("00000000:02:00.0").asMap()).containsOnlyKeys("gpu.pci.bus_id");
  }
}
