package dev.gputel.processor.resourcedetection;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Resource;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * What the pipeline thread adds, prepared by the refresh thread so that applying it is a few map
 * operations: detected attributes (which yield to a batch's own unless {@code override}), static
 * attributes (which always win), and each owned GPU's task attributes. Immutable but for a
 * one-entry cache: a receiver usually sends the same {@link Resource} instance batch after batch.
 */
final class Enrichment {
  private final Attributes detected;
  private final Attributes fixed;
  private final Map<String, Attributes> byGpu;
  private final boolean override;
  private final AtomicReference<Resource[]> last = new AtomicReference<>();

  Enrichment(Attributes detected, Attributes fixed, Map<String, Attributes> byGpu, boolean override) {
    this.detected = detected;
    this.fixed = fixed;
    this.byGpu = Map.copyOf(byGpu);
    this.override = override;
  }

  Attributes detected() {
    return detected;
  }

  Attributes fixed() {
    return fixed;
  }

  Map<String, Attributes> byGpu() {
    return byGpu;
  }

  /** Returns the batch's resource with what was detected and the static attributes added. */
  Resource apply(Resource resource) {
    Resource[] cached = last.get();
    if (cached != null && cached[0] == resource) {
      return cached[1];
    }
    Attributes add = detected;
    if (!override && !add.isEmpty()) {
      Attributes.Builder kept = add.toBuilder();
      resource.attributes().forEach((key, value) -> kept.remove(key));
      add = kept.build();
    }
    Resource enriched = resource.merge(add).merge(fixed);
    last.set(new Resource[] {resource, enriched});
    return enriched;
  }

  /**
   * Returns a function that gives each item's attributes its GPU's task attributes, when it names a
   * GPU a task owns; items of one GPU usually share one attributes instance, so each is done once.
   */
  Function<Attributes, Attributes> perGpu() {
    if (byGpu.isEmpty()) {
      return Function.identity();
    }
    Map<Attributes, Attributes> done = new IdentityHashMap<>();
    return attributes -> done.computeIfAbsent(attributes, this::withTask);
  }

  private Attributes withTask(Attributes attributes) {
    String gpu = attributes.getString("hw.id");
    Attributes task = gpu == null ? null : byGpu.get(gpu);
    return task == null ? attributes : attributes.withAll(task);
  }
}
