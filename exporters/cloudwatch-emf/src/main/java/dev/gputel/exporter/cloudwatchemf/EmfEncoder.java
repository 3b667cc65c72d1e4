package dev.gputel.exporter.cloudwatchemf;

import dev.gputel.cloudwatch.CloudWatchLimits;
import dev.gputel.cloudwatch.DimensionSpec;
import dev.gputel.cloudwatch.PublishedMetric;
import dev.gputel.cloudwatch.Rollups;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a metric batch into EMF documents: all metrics that share a timestamp and dimension values
 * go into one document, split only past 100 metrics per directive or the document size limit.
 * Thread-safe: each call works on its own state.
 */
final class EmfEncoder {
  /** EMF: at most 100 MetricDefinitions per directive. */
  static final int MAX_METRICS = 100;
  /** EMF: a dimension value is at most 1024 characters. */

  private final EmfConfig config;
  private final Rollups rollups;
  private final PublishedMetric.Cache names;
  private final Set<String> dimensionNames = new HashSet<>();
  private final String localHostname;
  private final Drops drops;
  private final int maxDocumentBytes;

  /** @param maxDocumentBytes the largest document the destination takes (one datagram for UDP) */
  EmfEncoder(EmfConfig config, String localHostname, Drops drops, int maxDocumentBytes) {
    this.config = config;
    this.maxDocumentBytes = Math.min(maxDocumentBytes, config.maxDocumentBytes());
    this.localHostname = localHostname;
    this.drops = drops;
    List<String> names = config.identity().dimensionNames();
    this.dimensionNames.addAll(names);
    this.rollups = new Rollups(names, config.identity().rollups());
    this.names = config.identity().publishedNames();
  }

  /** Returns the documents for a batch, in the order of their first point; each without a newline. */
  List<byte[]> encode(MetricBatch batch) {
    Map<MetricGroup.Key, MetricGroup> groups = group(batch);
    List<byte[]> documents = new ArrayList<>(groups.size());
    DocumentWriter writer = new DocumentWriter(config);
    for (MetricGroup group : groups.values()) {
      Rollups.Sets sets = rollups.forPattern(group.present);
      List<MetricGroup.Values> publishable = new ArrayList<>();
      for (MetricGroup.Values values : group.metrics()) {
        // Like the agent: a metric published only through rollups, with none that apply, is not published.
        if (!config.identity().dropsOriginal(values.metric.name()) || !sets.rollups().isEmpty()) {
          publishable.add(values);
        }
      }
      for (int from = 0; from < publishable.size(); from += MAX_METRICS) {
        emit(writer, group, sets, publishable.subList(from, Math.min(publishable.size(), from + MAX_METRICS)),
            documents);
      }
    }
    return documents;
  }

  private Map<MetricGroup.Key, MetricGroup> group(MetricBatch batch) {
    Attributes resource = batch.resource().attributes();
    Map<MetricGroup.Key, MetricGroup> groups = new LinkedHashMap<>();
    // Points of one GPU share one Attributes instance: resolve its dimensions once.
    Map<Attributes, String[]> dimensionsByAttributes = new IdentityHashMap<>();
    for (MetricPoint point : batch.points()) {
      double value = point.value();
      if (!Double.isFinite(value)) {
        drops.add(Drops.Reason.NOT_FINITE, 1);
        continue;
      }
      if (!CloudWatchLimits.inRange(value)) {
        drops.add(Drops.Reason.OUT_OF_RANGE, 1);
        continue;
      }
      PublishedMetric metric = names.of(point.name(), point.unit());
      if (dimensionNames.contains(metric.name())) {
        drops.add(Drops.Reason.NAME_CONFLICT, 1);
        continue;
      }
      String[] dimensions = dimensionsByAttributes.computeIfAbsent(point.attributes(),
          attributes -> dimensions(attributes, resource));
      if (dimensions == null) {
        drops.add(Drops.Reason.DIMENSION_VALUE_TOO_LONG, 1);
        continue;
      }
      long timestamp = point.timestamp().toEpochMilli();
      MetricGroup group = groups.computeIfAbsent(new MetricGroup.Key(timestamp, Arrays.asList(dimensions)),
          key -> new MetricGroup(timestamp, dimensions, Rollups.pattern(dimensions)));
      if (!group.add(metric, value)) {
        drops.add(Drops.Reason.TOO_MANY_VALUES, 1);
      }
    }
    return groups;
  }

  /** Returns each dimension's value (null where unknown), or null when one is too long to publish. */
  private String[] dimensions(Attributes point, Attributes resource) {
    List<DimensionSpec> specs = config.identity().dimensions();
    String[] values = new String[specs.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = specs.get(i).value(point, resource, localHostname);
      if (values[i] != null && values[i].length() > CloudWatchLimits.MAX_DIMENSION_VALUE) {
        return null;
      }
    }
    return values;
  }


  /** Writes one document, halving the metrics until each document fits the size limit. */
  private void emit(DocumentWriter writer, MetricGroup group, Rollups.Sets sets, List<MetricGroup.Values> metrics,
      List<byte[]> out) {
    List<MetricGroup.Values> keep = new ArrayList<>(metrics.size());
    List<MetricGroup.Values> rollupOnly = new ArrayList<>();
    for (MetricGroup.Values values : metrics) {
      (config.identity().dropsOriginal(values.metric.name()) ? rollupOnly : keep).add(values);
    }
    byte[] document = writer.write(group, sets, keep, rollupOnly);
    if (document.length <= maxDocumentBytes) {
      out.add(document);
    } else if (metrics.size() > 1) {
      int half = metrics.size() / 2;
      emit(writer, group, sets, metrics.subList(0, half), out);
      emit(writer, group, sets, metrics.subList(half, metrics.size()), out);
    } else {
      drops.add(Drops.Reason.DOCUMENT_TOO_LARGE, metrics.getFirst().count());
    }
  }
}
