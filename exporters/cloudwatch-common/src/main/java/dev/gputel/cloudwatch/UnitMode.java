package dev.gputel.cloudwatch;

/** Which CloudWatch unit a metric is published with; see {@link CloudWatchUnits}. */
public enum UnitMode {
  /** {@code None} for everything, as the CloudWatch agent publishes its nvidia_gpu metrics. */
  CLOUDWATCH_AGENT,
  /** The CloudWatch unit that matches the point's unit, where CloudWatch has one. */
  PROPER
}
