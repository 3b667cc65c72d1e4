package dev.gputel.exporter.otlp;

/**
 * One metric as it goes on the wire: the points of every GPU (and every task or sensor) with this
 * name become the points of one OTLP metric.
 *
 * @param integer whether the points are integers (hw.status), else doubles
 */
record WireMetric(String name, String description, String unit, Shape shape, boolean integer) {
  static WireMetric doubles(String name, String description, String unit, Shape shape) {
    return new WireMetric(name, description, unit, shape, false);
  }
}
