package dev.gputel.exporter.otlp;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricKind;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import java.time.Instant;
import java.util.List;

/**
 * Synthetic batches: one GPU's points and one classified Xid event, shaped like what the receivers
 * and the xid-classifier produce. The identity is the H100 of config/captures/nvidia-smi (its
 * anonymized UUID and serial); the values are made up to be easy to check after scaling.
 */
final class TestBatches {
  static final Instant T = Instant.parse("2026-07-14T08:12:53.353123456Z");
  static final String UUID = "GPU-00000000-0000-0000-0000-000000000000";
  static final Attributes GPU = Attributes.builder()
      .put("gpu.index", 0L)
      .put("hw.id", UUID)
      .put("hw.model", "NVIDIA H100 80GB HBM3")
      .put("gpu.pci.bus_id", "00000000:00:09.0")
      .put("hw.serial_number", "0000000000000")
      .put("hw.firmware_version", "96.00.A5.00.01")
      .put("gpu.driver.version", "590.48.01")
      .build();
  static final Resource RESOURCE = new Resource(Attributes.builder()
      .put("host.name", "gpu-1")
      .put("host.id", "i-0123456789abcdef0")
      .put("cloud.provider", "aws")
      .put("cloud.region", "us-east-1")
      .put("aws.ecs.task.arn", "arn:aws:ecs:us-east-1:123456789012:task/gpu/0123456789abcdef")
      .build());

  private TestBatches() {}

  static MetricBatch gpu() {
    return new MetricBatch(RESOURCE, List.of(
        MetricPoint.gauge("utilization_gpu", 87, "%", T, GPU),
        MetricPoint.gauge("utilization_encoder", 5, "%", T, GPU),
        MetricPoint.gauge("utilization_decoder", 0, "%", T, GPU),
        MetricPoint.gauge("utilization_memory", 40, "%", T, GPU),
        MetricPoint.gauge("memory_used", 40960, "MiBy", T, GPU),
        MetricPoint.gauge("memory_total", 81920, "MiBy", T, GPU),
        MetricPoint.gauge("power_draw", 631.95, "W", T, GPU),
        new MetricPoint("total_energy_consumption", 123456.789, "J", MetricKind.COUNTER, T, GPU),
        MetricPoint.gauge("temperature_gpu", 61, "Cel", T, GPU),
        MetricPoint.gauge("temperature_memory", 70, "Cel", T, GPU),
        new MetricPoint("ecc_errors_corrected_aggregate_total", 3, "1", MetricKind.COUNTER, T, GPU),
        new MetricPoint("ecc_errors_uncorrected_aggregate_total", 0, "1", MetricKind.COUNTER, T, GPU),
        MetricPoint.gauge("remapped_rows_failure", 0, "1", T, GPU),
        MetricPoint.gauge("clocks_current_sm", 1980, "MHz", T, GPU)));
  }

  /** An Xid 79 as the xid-classifier leaves it; kernel.time is when the kernel printed the line. */
  static EventBatch xid() {
    Attributes attributes = Attributes.builder()
        .put("log.kind", "xid")
        .put("xid.code", 79L)
        .put("xid.mnemonic", "ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS")
        .put("xid.severity", "FATAL")
        .put("xid.action.immediate", "RESTART_BM")
        .put("gpu.pci.bus_id", "00000000:00:09.0")
        .put("hw.id", UUID)
        .put("kernel.time", "2026-07-14T08:10:00.123456Z")
        .put("xid.known", true)
        .build();
    return new EventBatch(RESOURCE, List.of(new Event(T, Severity.FATAL,
        "[ 1843.308145] NVRM: Xid (PCI:0000:00:09): 79, pid='<unknown>', name=<unknown>, GPU has fallen off the bus.",
        attributes, "b7c1e0d2-1843308145-5f1a")));
  }
}
