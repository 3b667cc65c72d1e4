package dev.gputel.exporter.prometheus;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The latest value of every GPU series, kept per (resource, metric) as "slices".
 *
 * <p>A batch is the whole truth about each metric it carries, for its resource: its series of that
 * metric replace the previous ones. A GPU that the previous series of such a metric had and the
 * batch lacks has left: its series of every other metric of the resource go too, so it is gone from
 * the next scrape. Metrics the batch does not carry are otherwise left alone (another receiver, on
 * another interval, may report them), and a slice nobody updates expires after {@code
 * expire-after}, or three of its own update intervals if that is longer. Scrapes reuse the
 * snapshots built last until something changes.
 */
final class LatestValues {
  private static final String INFO_HELP = "GPU identity: one series per GPU, value 1";

  private record Key(Resource resource, GpuMetric metric) {}

  private record Series(Labels labels, Labels info, double value) {}

  private record Slice(List<Series> series, Instant updated, Duration lifetime) {
    boolean expired(Instant now) {
      return now.isAfter(updated.plus(lifetime));
    }
  }

  private record Built(long generation, List<MetricSnapshot> snapshots, int series) {}

  private record Gpu(Attributes attributes, Resource resource) {}

  private record GpuLabels(Labels series, Labels info) {}

  /** Building labels takes microseconds (client_java checks every name); a host's GPUs rarely change. */
  private static final int MAX_CACHED_GPUS = 1024;

  private final Map<GpuMetric, Family> families;
  private final GpuLabeler labeler;
  private final Duration expireAfter;
  private final Map<Key, Slice> slices = new ConcurrentHashMap<>();
  private final Map<Gpu, GpuLabels> labelCache = new HashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private volatile Built built = new Built(-1, List.of(), 0);

  LatestValues(Map<GpuMetric, Family> families, GpuLabeler labeler, Duration expireAfter) {
    this.families = families;
    this.labeler = labeler;
    this.expireAfter = expireAfter;
  }

  /**
   * Stores a batch received at {@code now}. Points that are not catalog metrics in the catalog's
   * unit are not stored; each goes to {@code ignored}.
   */
  synchronized void update(MetricBatch batch, Instant now, Consumer<MetricPoint> ignored) {
    Resource resource = batch.resource();
    Map<GpuMetric, List<Series>> byMetric = new EnumMap<>(GpuMetric.class);
    Attributes gpu = null;
    Labels labels = null;
    Labels info = null;
    for (MetricPoint point : batch.points()) {
      GpuMetric metric = GpuMetric.byId(point.name()).orElse(null);
      if (metric == null || !metric.unit().ucum().equals(point.unit())) {
        ignored.accept(point);
        continue;
      }
      if (point.attributes() != gpu) { // A receiver shares one Attributes among a GPU's points.
        gpu = point.attributes();
        GpuLabels known = labels(gpu, resource);
        labels = known.series();
        info = known.info();
      }
      byMetric.computeIfAbsent(metric, m -> new ArrayList<>())
          .add(new Series(labels, info, point.value() * families.get(metric).scale()));
    }
    Set<Labels> departed = new HashSet<>();
    Set<Labels> present = new HashSet<>();
    byMetric.forEach((metric, series) -> {
      Key key = new Key(resource, metric);
      Slice previous = slices.get(key);
      addGpus(present, series);
      if (previous != null) {
        addGpus(departed, previous.series());
      }
      Duration interval = previous == null ? Duration.ZERO : Duration.between(previous.updated(), now);
      Duration threeIntervals = interval.multipliedBy(3);
      slices.put(key, new Slice(List.copyOf(series), now,
          threeIntervals.compareTo(expireAfter) > 0 ? threeIntervals : expireAfter));
    });
    departed.removeAll(present);
    if (!departed.isEmpty()) {
      removeGpus(resource, departed, byMetric.keySet());
    }
    if (!byMetric.isEmpty()) {
      generation.incrementAndGet();
    }
  }

  private GpuLabels labels(Attributes gpu, Resource resource) {
    Gpu key = new Gpu(gpu, resource);
    GpuLabels known = labelCache.get(key);
    if (known == null) {
      if (labelCache.size() >= MAX_CACHED_GPUS) {
        labelCache.clear();
      }
      known = new GpuLabels(labeler.series(gpu, resource), labeler.info(gpu, resource));
      labelCache.put(key, known);
    }
    return known;
  }

  /** Adds the GPUs of the series; a GPU's points share one Labels, so hashing once per run of them is enough. */
  private static void addGpus(Set<Labels> gpus, List<Series> series) {
    Labels last = null;
    for (Series s : series) {
      if (s.labels() != last) {
        last = s.labels();
        gpus.add(last);
      }
    }
  }

  /** Removes the series of GPUs that left from the resource's metrics the batch did not carry. */
  private void removeGpus(Resource resource, Set<Labels> gpus, Set<GpuMetric> carried) {
    for (Map.Entry<Key, Slice> entry : slices.entrySet()) {
      if (!entry.getKey().resource().equals(resource) || carried.contains(entry.getKey().metric())) {
        continue;
      }
      Slice slice = entry.getValue();
      List<Series> kept = slice.series().stream().filter(s -> !gpus.contains(s.labels())).toList();
      if (kept.isEmpty()) {
        slices.remove(entry.getKey(), slice);
      } else if (kept.size() < slice.series().size()) {
        slices.replace(entry.getKey(), slice, new Slice(kept, slice.updated(), slice.lifetime()));
      }
    }
  }

  /** Returns the snapshots of every live GPU series and of {@code nvidia_gpu_info}, as of {@code now}. */
  List<MetricSnapshot> snapshots(Instant now) {
    if (slices.values().removeIf(slice -> slice.expired(now))) {
      generation.incrementAndGet();
    }
    long current = generation.get();
    Built last = built;
    if (last.generation() == current) {
      return last.snapshots();
    }
    Built fresh = build(current);
    built = fresh;
    return fresh.snapshots();
  }

  /** Returns how many GPU series the last scrape served. */
  int seriesCount() {
    return built.series();
  }

  private Built build(long generationBuilt) {
    List<Map.Entry<Key, Slice>> live = new ArrayList<>(slices.entrySet());
    live.sort(Comparator.comparing(entry -> entry.getValue().updated())); // Newer values win a label clash.
    Map<GpuMetric, Map<Labels, Double>> values = new EnumMap<>(GpuMetric.class);
    Set<Labels> infos = new LinkedHashSet<>();
    for (Map.Entry<Key, Slice> entry : live) {
      Map<Labels, Double> metricValues = values.computeIfAbsent(entry.getKey().metric(), m -> new LinkedHashMap<>());
      Labels lastInfo = null;
      for (Series series : entry.getValue().series()) {
        metricValues.put(series.labels(), series.value());
        if (series.info() != lastInfo) {
          lastInfo = series.info();
          infos.add(lastInfo);
        }
      }
    }
    List<MetricSnapshot> snapshots = new ArrayList<>(values.size() + 1);
    int count = 0;
    for (Map.Entry<GpuMetric, Map<Labels, Double>> entry : values.entrySet()) {
      snapshots.add(Snapshots.of(families.get(entry.getKey()), entry.getValue()));
      count += entry.getValue().size();
    }
    if (!infos.isEmpty()) {
      InfoSnapshot.Builder info = InfoSnapshot.builder().name("nvidia_gpu").help(INFO_HELP);
      infos.forEach(labels -> info.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(labels).build()));
      snapshots.add(info.build());
    }
    return new Built(generationBuilt, List.copyOf(snapshots), count);
  }
}
