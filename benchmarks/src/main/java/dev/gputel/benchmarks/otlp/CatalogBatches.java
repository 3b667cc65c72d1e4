package dev.gputel.benchmarks.otlp;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One collection of an 8-GPU host with the full GPU catalog (synthetic values): every catalog
 * metric in its catalog unit, the seven identity attributes shared by the points of a GPU, and an
 * EC2 resource.
 */
final class CatalogBatches {
  static final int GPUS = 8;
  /** The catalog's size; checked in {@link #create()} (JMH needs a constant). */
  static final int METRICS = 48;
  static final int POINTS = GPUS * METRICS;

  private CatalogBatches() {}

  static MetricBatch create() {
    if (GpuMetric.values().length != METRICS) {
      throw new AssertionError("the catalog has " + GpuMetric.values().length + " metrics; update METRICS");
    }
    Resource resource = new Resource(Attributes.builder().put("host.name", "ip-10-0-1-23")
        .put("host.id", "i-0123456789abcdef0").put("host.type", "p5.48xlarge").put("cloud.provider", "aws")
        .put("cloud.platform", "aws_ec2").put("cloud.region", "us-east-1").put("cloud.availability_zone", "us-east-1a")
        .put("cloud.account.id", "123456789012").build());
    SplittableRandom random = new SplittableRandom(42);
    Instant time = Instant.parse("2026-07-14T08:12:53.353Z");
    List<MetricPoint> points = new ArrayList<>(POINTS);
    for (int gpu = 0; gpu < GPUS; gpu++) {
      Attributes identity = Attributes.builder().put("gpu.index", gpu)
          .put("hw.id", "GPU-4c1d3e7a-9b2f-4a6e-8d1c-00000000000" + gpu).put("hw.model", "NVIDIA H100 80GB HBM3")
          .put("gpu.pci.bus_id", "00000000:" + Integer.toHexString(0x18 + 0x10 * gpu) + ":00.0")
          .put("hw.serial_number", "165232000000" + gpu).put("hw.firmware_version", "96.00.A5.00.01")
          .put("gpu.driver.version", "590.48.01").build();
      for (GpuMetric metric : GpuMetric.values()) {
        points.add(new MetricPoint(metric.id(), random.nextDouble(100), metric.unit().ucum(), metric.kind(), time, identity));
      }
    }
    return new MetricBatch(resource, points);
  }
}
