package dev.gputel.receiver.nvidiasmi;

import dev.gputel.gpu.GpuIdentityField;
import dev.gputel.gpu.GpuMetric;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The fields one nvidia-smi query asks for, in order: the identity fields first, then the catalog
 * metrics some pipeline keeps (nothing is collected only to be dropped). Fields the driver turns
 * out not to know are dropped, and the query is asked again without them.
 *
 * <p>The {@code --query-gpu} plan also asks for {@code count}, the number of GPUs, so that a loop
 * sample is known to be complete at its last row. The remapped-rows metrics are left to their own,
 * slower query: they change rarely, and the row remapper is touchy (reading its histogram fields on
 * every sample flooded kernel logs in vGPU guests, utkuozdemir/nvidia_gpu_exporter#384).
 */
final class QueryPlan {
  static final Set<GpuMetric> REMAPPED_ROWS = Set.of(GpuMetric.REMAPPED_ROWS_CORRECTABLE,
      GpuMetric.REMAPPED_ROWS_UNCORRECTABLE, GpuMetric.REMAPPED_ROWS_PENDING, GpuMetric.REMAPPED_ROWS_FAILURE);

  private final String name;
  private volatile List<String> fields;

  private QueryPlan(String name, List<String> identity, List<String> metrics) {
    this.name = name;
    List<String> all = new ArrayList<>(identity);
    all.addAll(metrics);
    this.fields = List.copyOf(all);
  }

  /** The {@code --query-gpu} plan: identity, {@code count}, and the wanted metrics nvidia-smi has. */
  static QueryPlan gpuQuery(Predicate<String> wanted) {
    List<String> identity = new ArrayList<>();
    for (GpuIdentityField field : GpuIdentityField.values()) {
      if (field.smiField() != null) {
        identity.add(field.smiField());
      }
      if (field == GpuIdentityField.INDEX) {
        identity.add("count");
      }
    }
    List<String> metrics = new ArrayList<>();
    for (GpuMetric metric : GpuMetric.values()) {
      if (metric.smiField() != null && !REMAPPED_ROWS.contains(metric) && wanted.test(metric.id())) {
        metrics.add(metric.smiField());
      }
    }
    return new QueryPlan("--query-gpu", identity, metrics);
  }

  /** The {@code --query-remapped-rows} plan: the bus id to join on, and the wanted counts and flags. */
  static QueryPlan remappedRowsQuery(Predicate<String> wanted) {
    List<String> metrics = new ArrayList<>();
    for (GpuMetric metric : GpuMetric.values()) {
      if (REMAPPED_ROWS.contains(metric) && wanted.test(metric.id())) {
        metrics.add(metric.smiField());
      }
    }
    return new QueryPlan("--query-remapped-rows", List.of("gpu_bus_id"), metrics);
  }

  /** Returns the query option this plan is for, for messages. */
  String name() {
    return name;
  }

  List<String> fields() {
    return fields;
  }

  /** Returns whether any metric is left to ask for. */
  boolean hasMetrics() {
    return fields.stream().anyMatch(field -> GpuMetric.bySmiField(field).isPresent());
  }

  /**
   * Removes the fields the driver does not know; returns those it removed (none when it knew none
   * of them by that name, which would make asking again pointless).
   */
  synchronized List<String> drop(Collection<String> unknown) {
    List<String> removed = fields.stream().filter(unknown::contains).toList();
    if (!removed.isEmpty()) {
      fields = fields.stream().filter(f -> !unknown.contains(f)).toList();
    }
    return removed;
  }
}
