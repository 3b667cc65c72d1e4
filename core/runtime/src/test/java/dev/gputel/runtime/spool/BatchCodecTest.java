package dev.gputel.runtime.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricKind;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCodecTest {
  private static final Instant T = Instant.parse("2026-07-14T08:12:53.353123456Z");

  @Test
  void metricBatchRoundTripsWithSharedAttributes() throws IOException {
    Attributes gpu0 = Attributes.builder().put("gpu.index", 0).put("hw.id", "GPU-a").put("ratio", 0.5)
        .put("mig", false).build();
    Attributes gpu1 = gpu0.with("gpu.index", 1);
    MetricBatch batch = new MetricBatch(new Resource(Attributes.of("host.name", "h1")), List.of(
        MetricPoint.gauge("utilization_gpu", 100, "%", T, gpu0),
        new MetricPoint("total_energy_consumption", 1.5e9, "mJ", MetricKind.COUNTER, T, gpu0),
        MetricPoint.gauge("utilization_gpu", 11, "%", T, gpu1),
        MetricPoint.gauge("power_draw", Double.NaN, "W", T, Attributes.empty())));

    MetricBatch decoded = (MetricBatch) BatchCodec.decode(BatchCodec.encode(batch));

    assertThat(decoded).isEqualTo(batch);
    assertThat(decoded.points().get(0).attributes()).isSameAs(decoded.points().get(1).attributes());
  }

  @Test
  void eventBatchRoundTripsWithNonAsciiText() throws IOException {
    EventBatch batch = new EventBatch(Resource.empty(), List.of(
        new Event(T, Severity.ERROR, "NVRM: Xid (PCI:0000:3b:00): 79, pid=1, name=prozeß, GPU has fallen off the bus.",
            Attributes.of("xid.code", 79L), "id-1"),
        new Event(T.plusSeconds(1), Severity.INFO, "", Attributes.empty(), "id-2")));

    assertThat(BatchCodec.decode(BatchCodec.encode(batch))).isEqualTo(batch);
  }

  @Test
  void truncatedOrForeignBytesAreRejectedNotMisread() {
    byte[] encoded = BatchCodec.encode(new EventBatch(Resource.empty(), List.of(
        new Event(T, Severity.WARN, "line", Attributes.empty(), "id"))));

    assertThatThrownBy(() -> BatchCodec.decode(Arrays.copyOf(encoded, encoded.length - 3)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> BatchCodec.decode(new byte[] {9, 1, 0})).isInstanceOf(IOException.class)
        .hasMessageContaining("version 9");
  }
}
