package dev.gputel.receiver.nvml;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricPoint;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the wanted metrics of one GPU: each query once, the fields in one batched call. What the
 * GPU says it will never have (NOT_SUPPORTED, FUNCTION_NOT_FOUND, DEPRECATED) is not asked again
 * for as long as NVML stays initialised.
 */
final class GpuReader {
  /** A query and the metrics that take their values from its answer. */
  private record Plan(NvmlQuery query, List<Wanted> metrics) {}

  private final int index;
  private final MemorySegment device;
  private final Attributes attributes;
  private final NvmlLibrary nvml;
  private final GpuBuffers buffers;
  private final List<Plan> plans = new ArrayList<>();
  private final FieldRequest fields;
  private final ReadOutcomes outcomes;

  GpuReader(int index, MemorySegment device, Attributes attributes, NvmlLibrary nvml, Arena arena,
      List<Wanted> wanted, ReadOutcomes outcomes) {
    this.index = index;
    this.device = device;
    this.attributes = attributes;
    this.nvml = nvml;
    this.outcomes = outcomes;
    this.buffers = new GpuBuffers(arena);
    Map<NvmlQuery, List<Wanted>> byQuery = new EnumMap<>(NvmlQuery.class);
    List<Wanted> fieldMetrics = new ArrayList<>();
    for (Wanted metric : wanted) {
      switch (metric.reader()) {
        case NvmlReader.Query query -> byQuery.computeIfAbsent(query.query(), q -> new ArrayList<>()).add(metric);
        case NvmlReader.Field field -> fieldMetrics.add(metric);
      }
    }
    byQuery.forEach((query, metrics) -> plans.add(new Plan(query, List.copyOf(metrics))));
    this.fields = new FieldRequest(arena, fieldMetrics);
  }

  int index() {
    return index;
  }

  Attributes attributes() {
    return attributes;
  }

  /**
   * Adds this GPU's points to {@code points}. Returns null, or the lifecycle code (GPU_IS_LOST...)
   * that stopped the read, in which case none of this GPU's points of this collection are kept.
   */
  NvmlReturn collect(Instant now, List<MetricPoint> points) {
    int first = points.size();
    for (int p = 0; p < plans.size(); p++) {
      Plan plan = plans.get(p);
      int result = plan.query().run(nvml, device, buffers);
      if (result == 0) {
        for (int m = 0; m < plan.metrics().size(); m++) {
          Wanted metric = plan.metrics().get(m);
          add(points, metric, ((NvmlReader.Query) metric.reader()).value().applyAsDouble(buffers), now);
        }
        continue;
      }
      NvmlReturn code = NvmlReturn.of(result);
      if (code.kind() == NvmlReturn.Kind.LIFECYCLE) {
        points.subList(first, points.size()).clear();
        return code;
      }
      if (outcomes.failed(this, nvml.symbol(plan.query().function()), code)) {
        plans.remove(p--);
      }
    }
    return fields.size() == 0 ? null : collectFields(now, points, first);
  }

  private NvmlReturn collectFields(Instant now, List<MetricPoint> points, int first) {
    int result = fields.run(nvml, device);
    if (result != 0) {
      NvmlReturn code = NvmlReturn.of(result);
      if (code.kind() == NvmlReturn.Kind.LIFECYCLE) {
        points.subList(first, points.size()).clear();
        return code;
      }
      if (outcomes.failed(this, nvml.symbol(NvmlFunction.FIELD_VALUES), code)) {
        fields.clear();
      }
      return null;
    }
    // The call succeeds when any entry could be filled: each entry has its own result.
    for (int i = 0; i < fields.size(); i++) {
      int entry = fields.result(i);
      if (entry == 0) {
        add(points, fields.field(i), fields.value(i), now);
        continue;
      }
      NvmlReturn code = NvmlReturn.of(entry);
      if (code.kind() == NvmlReturn.Kind.LIFECYCLE) {
        points.subList(first, points.size()).clear();
        return code;
      }
      if (outcomes.failed(this, "field " + ((NvmlReader.Field) fields.field(i).reader()).id(), code)) {
        fields.mark(i);
      }
    }
    fields.dropMarked();
    return null;
  }

  private void add(List<MetricPoint> points, Wanted wanted, double value, Instant now) {
    if (!Double.isNaN(value)) {
      points.add(new MetricPoint(wanted.metric().id(), value, wanted.metric().unit().ucum(),
          wanted.metric().kind(), now, attributes));
    }
  }
}
