package dev.gputel.runtime.cwagent;

import com.typesafe.config.ConfigObject;
import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.component.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code nvidia_gpu.measurement}: a name ({@code utilization_gpu} or
 * {@code nvidia_smi_utilization_gpu}) or an object {@code {name, rename, unit}}.
 */
record Measurement(GpuMetric metric, Optional<String> rename, Optional<String> unit) {
  private static final List<String> IDS = Arrays.stream(GpuMetric.values()).map(GpuMetric::id).toList();

  /** Reads one element; an unknown name is an error, as the agent rejects it too. */
  static Optional<Measurement> read(JsonSection.Element element, JsonSection.Findings findings) {
    Object raw = element.value().unwrapped();
    if (raw instanceof String name) {
      return metric(name, element, findings).map(m -> new Measurement(m, Optional.empty(), Optional.empty()));
    }
    if (element.value() instanceof ConfigObject object) {
      JsonSection entry = new JsonSection(element.path(), object, findings);
      entry.warnUnsupported(java.util.Set.of("name", "rename", "unit"), java.util.Map.of());
      Optional<String> name = entry.string("name");
      if (name.isEmpty()) {
        findings.error(element.value().origin(), element.path(), "a measurement object needs a \"name\"");
        return Optional.empty();
      }
      return metric(name.get(), element, findings)
          .map(m -> new Measurement(m, entry.string("rename"), entry.string("unit")));
    }
    findings.error(element.value().origin(), element.path(),
        "must be a metric name or an object {name, rename, unit}, not " + JsonSection.describe(element.value()));
    return Optional.empty();
  }

  private static Optional<GpuMetric> metric(String name, JsonSection.Element element, JsonSection.Findings findings) {
    Optional<GpuMetric> metric = GpuMetric.byId(name);
    if (metric.isEmpty()) {
      String bare = name.startsWith("nvidia_smi_") ? name.substring("nvidia_smi_".length()) : name;
      findings.error(element.value().origin(), element.path(),
          "'" + name + "' is not a GPU metric" + Suggestions.hint(bare, IDS) + " (`gputel components` and the"
              + " README's catalog list them)");
    }
    return metric;
  }
}
