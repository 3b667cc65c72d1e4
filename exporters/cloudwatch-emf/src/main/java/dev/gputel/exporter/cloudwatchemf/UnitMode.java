package dev.gputel.exporter.cloudwatchemf;

/** Which CloudWatch unit a metric is published with; see {@link EmfUnits}. */
enum UnitMode {
  /** {@code None} for everything, as the CloudWatch agent publishes its nvidia_gpu metrics. */
  CLOUDWATCH_AGENT,
  /** The CloudWatch unit that matches the point's unit, where CloudWatch has one. */
  PROPER
}
