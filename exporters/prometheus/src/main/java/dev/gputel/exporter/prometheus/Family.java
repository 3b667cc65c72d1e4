package dev.gputel.exporter.prometheus;

import io.prometheus.metrics.model.snapshots.Unit;

/**
 * How one catalog metric appears on the endpoint.
 *
 * @param name the metric family name; client_java adds {@code _total} to a counter's samples
 * @param unit the Prometheus unit the name ends with, or null
 * @param scale what a point's value (in the catalog's unit) is multiplied by
 */
record Family(String name, String help, Type type, Unit unit, double scale) {

  /** The exposition type. */
  enum Type {
    GAUGE,
    COUNTER,
    /** A cumulative value whose name cannot take {@code _total} (dcgm-exporter's names): {@code untyped}. */
    UNTYPED
  }
}
